namespace Sora.Abstractions.Generation;

/// <summary>A job waiting for a device, as the scheduler keeps it.</summary>
[GenerateSerializer, Immutable, Alias("Sora.QueuedGeneration")]
public sealed record QueuedGeneration(
    [property: Id(0)] Guid Id,
    [property: Id(1)] int Attempt,
    [property: Id(2)] GenerationSpec Spec);

/// <summary>
/// The cluster's one job scheduler (key <see cref="Key"/>): hands queued jobs to free devices, one job per
/// device, at most <c>MaxRunningPerUser</c> per user, Onnx only to devices that run it (GPUs), fair between users.
/// </summary>
[Alias("Sora.IGenerationSchedulerGrain")]
public interface IGenerationSchedulerGrain : IGrainWithStringKey
{
    const string Key = "default";

    /// <summary>Queues the attempt unless it is already queued or running.</summary>
    [Alias("Enqueue")]
    Task EnqueueAsync(QueuedGeneration job);

    /// <summary>Forgets the job wherever it is (cancelled or finished).</summary>
    [Alias("Remove")]
    Task RemoveAsync(Guid id);

    /// <summary>The device finished (or gave up) the job and is free again.</summary>
    [Alias("Release")]
    Task ReleaseAsync(DeviceSlot device, Guid id);

    /// <summary>1-based place in the queue, or null when not queued.</summary>
    [Alias("Position")]
    Task<int?> PositionAsync(Guid id);

    /// <summary>What runs where right now, for operators and tests.</summary>
    [Alias("Running")]
    Task<IReadOnlyDictionary<string, Guid>> RunningAsync();
}
