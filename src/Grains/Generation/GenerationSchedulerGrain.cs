using Microsoft.Extensions.Logging;
using Sora.Abstractions;
using Sora.Abstractions.Generation;

namespace Sora.Grains.Generation;

/// <summary>
/// Hands queued jobs to free devices. Fairness: the next job is the oldest of the users with the fewest jobs
/// running, and nobody runs more than <see cref="GenerationRules.MaxRunningPerUser"/> at once. World jobs
/// prefer CPU slots so GPUs stay free for Onnx jobs, which only GPUs (and --onnx-cpu slots) run. A timer re-reads the devices,
/// so silos that join start working and devices of silos that left are forgotten.
/// </summary>
public sealed partial class GenerationSchedulerGrain(
    [PersistentState("generation-scheduler", StorageNames.Default)] IPersistentState<GenerationSchedulerState> state,
    IDeviceInventory devices,
    ILogger<GenerationSchedulerGrain> logger) : Grain, IGenerationSchedulerGrain
{
    public static readonly TimeSpan RescanPeriod = TimeSpan.FromSeconds(5);

    private GenerationSchedulerState Jobs => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(DispatchAsync, new GrainTimerCreationOptions(RescanPeriod, RescanPeriod) { KeepAlive = true });
        return Task.CompletedTask;
    }

    public async Task EnqueueAsync(QueuedGeneration job)
    {
        var running = Jobs.Running.FirstOrDefault(r => r.Value.Id == job.Id);
        if (running.Value is { } taken)
        {
            if (taken.Attempt >= job.Attempt) return;
            Jobs.Running.Remove(running.Key);
        }
        var queued = Jobs.Queue.FindIndex(q => q.Id == job.Id);
        if (queued >= 0)
        {
            if (Jobs.Queue[queued].Attempt >= job.Attempt) return;
            Jobs.Queue[queued] = job;
        }
        else
        {
            Jobs.Queue.Add(job);
        }
        await state.WriteStateAsync();
        await DispatchAsync();
    }

    public async Task RemoveAsync(Guid id)
    {
        var removed = Jobs.Queue.RemoveAll(q => q.Id == id);
        foreach (var key in Jobs.Running.Where(r => r.Value.Id == id).Select(r => r.Key).ToList())
            removed += Jobs.Running.Remove(key) ? 1 : 0;
        if (removed == 0) return;
        await state.WriteStateAsync();
        await DispatchAsync();
    }

    public async Task ReleaseAsync(DeviceSlot device, Guid id)
    {
        if (!Jobs.Running.TryGetValue(device.Key, out var running) || running.Id != id) return;
        Jobs.Running.Remove(device.Key);
        await state.WriteStateAsync();
        await DispatchAsync();
    }

    public Task<int?> PositionAsync(Guid id)
    {
        var index = Jobs.Queue.FindIndex(q => q.Id == id);
        return Task.FromResult<int?>(index < 0 ? null : index + 1);
    }

    public Task<IReadOnlyDictionary<string, Guid>> RunningAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, Guid>>(Jobs.Running.ToDictionary(r => r.Key, r => r.Value.Id));

    private async Task DispatchAsync()
    {
        var active = devices.ActiveDevices();
        var activeKeys = active.Select(d => d.Key).ToHashSet();
        // A device whose silo left holds nothing any more; the job's own watchdog queues it again.
        var lost = Jobs.Running.Keys.Where(key => !activeKeys.Contains(key)).ToList();
        foreach (var key in lost) Jobs.Running.Remove(key);
        if (lost.Count > 0) await state.WriteStateAsync();

        while (NextAssignment(active) is var (job, device))
        {
            Jobs.Queue.Remove(job);
            Jobs.Running[device.Key] = new RunningGeneration(job.Id, job.Attempt, job.Spec.OwnerId);
            await state.WriteStateAsync();

            bool accepted;
            try
            {
                accepted = await GrainFactory.GetGrain<IDeviceWorkerGrain>(device.Key).StartAsync(job);
            }
            catch (Exception e)
            {
                LogWorkerUnreachable(e, device.Key);
                accepted = false;
            }
            if (accepted) continue;

            // Busy or unreachable: put the job back at the front and try again on the next scan.
            Jobs.Running.Remove(device.Key);
            Jobs.Queue.Insert(0, job);
            await state.WriteStateAsync();
            return;
        }
    }

    private (QueuedGeneration Job, DeviceSlot Device)? NextAssignment(IReadOnlyList<DeviceSlot> active)
    {
        var free = active.Where(d => !Jobs.Running.ContainsKey(d.Key)).ToList();
        if (free.Count == 0) return null;
        var candidates = Jobs.Queue
            .Select((job, arrival) => (job, arrival, running: Jobs.RunningFor(job.Spec.OwnerId)))
            .Where(c => c.running < GenerationRules.MaxRunningPerUser)
            .OrderBy(c => c.running).ThenBy(c => c.arrival);
        foreach (var (job, _, _) in candidates)
        {
            var device = free
                .Where(d => d.CanRun(job.Spec.Engine))
                .OrderBy(d => job.Spec.Engine == EngineKind.World && d.Kind == DeviceKind.Gpu ? 1 : 0)
                .ThenBy(d => d.Key, StringComparer.Ordinal)
                .FirstOrDefault();
            if (device is not null) return (job, device);
        }
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Device worker {Device} could not be reached")]
    private partial void LogWorkerUnreachable(Exception exception, string device);
}
