using Microsoft.Extensions.Logging;
using Sora.Abstractions.Errors;
using Sora.Abstractions.Generation;

namespace Sora.Grains.Generation;

/// <summary>
/// Drives one device. The job runs in the background of this activation (so cancel can get in between its
/// turns); progress goes to the job's grain, and when that grain says the job is no longer ours, we stop.
/// </summary>
[DevicePlacement]
public sealed partial class DeviceWorkerGrain(IGenerationRunner runner, ILogger<DeviceWorkerGrain> logger) : Grain, IDeviceWorkerGrain
{
    private static readonly TimeSpan KeepAliveWhileRunning = TimeSpan.FromHours(1);

    /// <summary>The failure code of a job that failed on its worker (not refused by a rule of the domain).</summary>
    private const string FailedCode = "GENERATION_FAILED";

    /// <summary>What the owner of a job reads when it failed for a reason only the node's log explains.</summary>
    public const string UnexplainedFailure = "the video could not be made on this node (its log has the details)";

    private (Guid Id, CancellationTokenSource Cancel, Task Work)? _current;

    private DeviceSlot Device => DeviceSlot.Parse(this.GetPrimaryKeyString());

    public Task<bool> StartAsync(QueuedGeneration job)
    {
        if (_current is { } current) return Task.FromResult(current.Id == job.Id);
        var cancel = new CancellationTokenSource();
        DelayDeactivation(KeepAliveWhileRunning);
        _current = (job.Id, cancel, RunAsync(job, cancel));
        return Task.FromResult(true);
    }

    public async Task CancelAsync(Guid id)
    {
        if (_current is not { } current || current.Id != id) return;
        await current.Cancel.CancelAsync();
    }

    public Task<string> SiloAsync() => Task.FromResult(GrainContext.Address.SiloAddress!.ToParsableString());

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_current is { } current)
        {
            await current.Cancel.CancelAsync();
            await current.Work.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Current);
        }
    }

    private async Task RunAsync(QueuedGeneration queued, CancellationTokenSource cancel)
    {
        await Task.Yield();
        var device = Device;
        var generation = GrainFactory.GetGrain<IGenerationGrain>(queued.Id);
        GenerationJob? job = null;
        try
        {
            if (!await generation.StartedAsync(queued.Attempt, device)) return;
            var reporter = new Reporter(generation, queued.Attempt, cancel);
            job = new GenerationJob(queued.Id, queued.Attempt, queued.Spec, device);
            var videoId = await runner.RunAsync(job, reporter, cancel.Token);
            await generation.CompletedAsync(queued.Attempt, videoId);
        }
        catch (Exception) when (cancel.IsCancellationRequested)
        {
            // Cancelled by its owner, or taken from us: whoever did that has already recorded the outcome. Whatever the
            // stop made fail on its way (ffmpeg's pipe, a half-written file) is not the job's failure.
        }
        catch (DomainException e)
        {
            await generation.FailedAsync(queued.Attempt, e.Code, e.Message);
        }
        catch (GenerationFailedException e)
        {
            LogJobFailed(e.InnerException ?? e, queued.Id, device.Key);
            await generation.FailedAsync(queued.Attempt, FailedCode, e.Message);
        }
        catch (Exception e)
        {
            LogJobFailed(e, queued.Id, device.Key);
            // Its message is for the operator (it may name this node's files or tools); the owner reads that it failed here.
            await generation.FailedAsync(queued.Attempt, FailedCode, UnexplainedFailure);
        }
        finally
        {
            _current = null;
            cancel.Dispose();
            if (job is not null) runner.JobEnded(job);
            await GrainFactory.GetGrain<IGenerationSchedulerGrain>(IGenerationSchedulerGrain.Key).ReleaseAsync(device, queued.Id);
        }
    }

    private sealed class Reporter(IGenerationGrain generation, int attempt, CancellationTokenSource cancel) : IGenerationReporter
    {
        public async Task<bool> AdvancedAsync(GenerationStatus status, double progress) =>
            StopUnless(await generation.AdvancedAsync(attempt, status, progress));

        public async Task<bool> ChunkReadyAsync(int index, int frames, string previewUrl, double progress) =>
            StopUnless(await generation.ChunkReadyAsync(attempt, index, frames, previewUrl, progress));

        private bool StopUnless(bool stillOurs)
        {
            if (!stillOurs) cancel.Cancel();
            return stillOurs;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Generation {Id} failed on {Device}")]
    private partial void LogJobFailed(Exception exception, Guid id, string device);
}
