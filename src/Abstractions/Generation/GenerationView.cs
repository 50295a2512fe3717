namespace Sora.Abstractions.Generation;

/// <summary>What the owner sees of a job.</summary>
[GenerateSerializer, Immutable, Alias("Sora.GenerationView")]
public sealed record GenerationView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] GenerationSpec Spec,
    [property: Id(2)] GenerationStatus Status,
    [property: Id(3)] double Progress,
    [property: Id(4)] DateTimeOffset CreatedAt)
{
    [Id(5)] public DateTimeOffset? StartedAt { get; init; }
    [Id(6)] public DateTimeOffset? FinishedAt { get; init; }
    /// <summary>1 for the next job to start; null when not queued.</summary>
    [Id(7)] public int? QueuePosition { get; init; }
    [Id(8)] public DeviceSlot? Device { get; init; }
    [Id(9)] public string? VideoId { get; init; }
    [Id(10)] public string? FailureCode { get; init; }
    [Id(11)] public string? FailureMessage { get; init; }
    /// <summary>How many times a worker took the job; more than one after a silo was lost mid-job.</summary>
    [Id(12)] public int Attempts { get; init; }
}
