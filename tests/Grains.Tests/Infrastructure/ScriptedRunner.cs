using System.Collections.Concurrent;
using Sora.Abstractions.Generation;
using Sora.Grains.Generation;

namespace Sora.Grains.Tests.Infrastructure;

/// <summary>
/// A job runner whose behaviour the test's prompt picks, to exercise scheduling without an engine:
/// every job reports three chunks; a prompt starting with "hold" then waits until the test releases it,
/// "fail" throws. What each attempt saw is recorded for the test to check.
/// </summary>
public sealed class ScriptedRunner : IGenerationRunner
{
    public static ScriptedRunner Instance { get; } = new();

    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _gates = new();

    public ConcurrentDictionary<(Guid Id, int Attempt), DeviceSlot> Started { get; } = new();
    public ConcurrentDictionary<(Guid Id, int Attempt), bool> Cancelled { get; } = new();
    public ConcurrentDictionary<(Guid Id, int Attempt), DateTime> Ended { get; } = new();

    public void Release(Guid id) => Gate(id).TrySetResult();

    public async Task<string> RunAsync(GenerationJob job, IGenerationReporter reporter, CancellationToken cancellationToken)
    {
        Started[(job.Id, job.Attempt)] = job.Device;
        try
        {
            if (job.Spec.Prompt.StartsWith("fail", StringComparison.Ordinal))
                throw new InvalidOperationException("the scripted engine broke");
            for (var chunk = 0; chunk < 3; chunk++)
                await reporter.ChunkReadyAsync(chunk, 6, $"/media/generations/{job.Id}/chunk-{chunk}.m4s", (chunk + 1) / 4.0);
            if (job.Spec.Prompt.StartsWith("hold", StringComparison.Ordinal))
                await Gate(job.Id).Task.WaitAsync(cancellationToken);
            await reporter.AdvancedAsync(GenerationStatus.Encoding, 0.9);
            await reporter.AdvancedAsync(GenerationStatus.Signing, 0.95);
            return GenerationIds.VideoIdFor(job.Id);
        }
        catch (OperationCanceledException)
        {
            Cancelled[(job.Id, job.Attempt)] = true;
            throw;
        }
    }

    public void JobEnded(GenerationJob job) => Ended[(job.Id, job.Attempt)] = DateTime.UtcNow;

    private TaskCompletionSource Gate(Guid id) =>
        _gates.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
