namespace Sora.Abstractions.Generation;

/// <summary>Queued → Running → Encoding → Signing → Ready, or Failed / Cancelled from any unfinished state.</summary>
[GenerateSerializer, Alias("Sora.GenerationStatus")]
public enum GenerationStatus
{
    Queued = 0,
    Running = 1,
    Encoding = 2,
    Signing = 3,
    Ready = 4,
    Failed = 5,
    Cancelled = 6,
}

public static class GenerationStatusExtensions
{
    public static bool IsFinished(this GenerationStatus status) =>
        status is GenerationStatus.Ready or GenerationStatus.Failed or GenerationStatus.Cancelled;
}
