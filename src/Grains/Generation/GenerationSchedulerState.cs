using Sora.Abstractions.Generation;

namespace Sora.Grains.Generation;

/// <summary>A job a device has taken.</summary>
[GenerateSerializer, Immutable, Alias("Sora.RunningGeneration")]
public sealed record RunningGeneration(
    [property: Id(0)] Guid Id,
    [property: Id(1)] int Attempt,
    [property: Id(2)] string OwnerId);

[GenerateSerializer, Alias("Sora.GenerationSchedulerState")]
public sealed class GenerationSchedulerState
{
    /// <summary>Waiting jobs in arrival order.</summary>
    [Id(0)] public List<QueuedGeneration> Queue { get; set; } = [];

    /// <summary>Device key → the job it runs.</summary>
    [Id(1)] public Dictionary<string, RunningGeneration> Running { get; set; } = [];

    public int RunningFor(string ownerId) => Running.Values.Count(r => r.OwnerId == ownerId);
}
