using Sora.Abstractions.Generation;

namespace Sora.Grains.Generation;

[GenerateSerializer, Alias("Sora.GenerationState")]
public sealed class GenerationState
{
    [Id(0)] public GenerationSpec? Spec { get; set; }
    [Id(1)] public GenerationStatus Status { get; set; }
    [Id(2)] public double Progress { get; set; }
    [Id(3)] public DateTimeOffset CreatedAt { get; set; }
    [Id(4)] public DateTimeOffset? StartedAt { get; set; }
    [Id(5)] public DateTimeOffset? FinishedAt { get; set; }
    [Id(6)] public DeviceSlot? Device { get; set; }
    [Id(7)] public int Attempt { get; set; }
    [Id(8)] public string? VideoId { get; set; }
    [Id(9)] public string? FailureCode { get; set; }
    [Id(10)] public string? FailureMessage { get; set; }
    /// <summary>When the running worker last reported; the watchdog requeues a job whose worker went quiet.</summary>
    [Id(11)] public DateTimeOffset? LastHeartbeat { get; set; }
    [Id(12)] public long EventCount { get; set; }
    /// <summary>Every event but progress ticks, for subscribers that arrive late.</summary>
    [Id(13)] public List<GenerationEvent> History { get; set; } = [];
}
