using Sora.Abstractions.Generation;

namespace Sora.Grains.Generation;

/// <summary>One attempt of one job on one device.</summary>
public sealed record GenerationJob(Guid Id, int Attempt, GenerationSpec Spec, DeviceSlot Device);

/// <summary>How a running job tells its owner how far it got. A false answer means: stop, the job is no longer yours.</summary>
public interface IGenerationReporter
{
    Task<bool> AdvancedAsync(GenerationStatus status, double progress);

    Task<bool> ChunkReadyAsync(int index, int frames, string previewUrl, double progress);
}

/// <summary>
/// Does the work of a job: engine → watermarks → encoder → stored fragments → finalize (sign, store,
/// draft video). Returns the id of the draft video; running it again for the same job must not make a second one.
/// </summary>
public interface IGenerationRunner
{
    Task<string> RunAsync(GenerationJob job, IGenerationReporter reporter, CancellationToken cancellationToken);

    /// <summary>
    /// Called once the outcome of <paramref name="job"/> is recorded, before its device is handed the next job: work that
    /// readies the next job belongs here rather than on this job's path. Must not throw.
    /// </summary>
    void JobEnded(GenerationJob job);
}
