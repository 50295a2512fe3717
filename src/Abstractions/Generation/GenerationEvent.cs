namespace Sora.Abstractions.Generation;

[GenerateSerializer, Alias("Sora.GenerationEventKind")]
public enum GenerationEventKind
{
    Queued = 0,
    Started = 1,
    Chunk = 2,
    Progress = 3,
    Completed = 4,
    Failed = 5,
    Cancelled = 6,
}

/// <summary>One event on stream <c>generation/{id}</c>; the fields that apply to <see cref="Kind"/> are set.</summary>
[GenerateSerializer, Immutable, Alias("Sora.GenerationEvent")]
public sealed record GenerationEvent(
    [property: Id(0)] Guid GenerationId,
    [property: Id(1)] GenerationEventKind Kind,
    [property: Id(2)] DateTimeOffset At)
{
    [Id(3)] public int? ChunkIndex { get; init; }
    [Id(4)] public int? Frames { get; init; }
    [Id(5)] public string? PreviewUrl { get; init; }
    [Id(6)] public double? Fraction { get; init; }
    [Id(7)] public string? VideoId { get; init; }
    [Id(8)] public string? Code { get; init; }
    [Id(9)] public string? Message { get; init; }
    [Id(10)] public DeviceSlot? Device { get; init; }
    /// <summary>1, 2, 3… per job, so a subscriber that replays the history can drop what it already has.</summary>
    [Id(11)] public long Sequence { get; init; }
}
