using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Sora.Abstractions;
using Sora.Abstractions.Errors;
using Sora.Abstractions.Generation;
using Sora.Abstractions.Users;
using Sora.Abstractions.Videos;

namespace Sora.Grains.Generation;

/// <summary>
/// The state machine of one job. A reminder watches it until it finishes: a queued job the scheduler lost is
/// queued again, a running job whose silo left or whose worker went quiet is handed to another device.
/// </summary>
public sealed partial class GenerationGrain(
    [PersistentState("generation", StorageNames.Default)] IPersistentState<GenerationState> state,
    IPromptPolicy policy,
    IDeviceInventory devices,
    TimeProvider clock,
    ILogger<GenerationGrain> logger) : Grain, IGenerationGrain, IRemindable
{
    public const string WatchdogReminder = "watchdog";
    public static readonly TimeSpan WatchdogPeriod = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan SilentWorkerLimit = TimeSpan.FromSeconds(45);
    public const int MaxAttempts = 3;
    /// <summary>Enough for every chunk of the longest video over all attempts, with room to spare.</summary>
    private const int MaxHistory = 1000;

    private GenerationState Job => state.State;
    private Guid Id => this.GetPrimaryKey();
    private IUserGenerationsGrain OwnersList(GenerationSpec spec) => GrainFactory.GetGrain<IUserGenerationsGrain>(spec.OwnerId);
    private IGenerationSchedulerGrain Scheduler => GrainFactory.GetGrain<IGenerationSchedulerGrain>(IGenerationSchedulerGrain.Key);

    public async Task<GenerationView> SubmitAsync(GenerationSpec spec)
    {
        if (Job.Spec is { } existing)
        {
            if (existing.OwnerId != spec.OwnerId) throw DomainException.NotFound("generation");
            // Listing is idempotent: a retry also lists a job that an earlier version of Sora saved unlisted.
            await OwnersList(existing).AddAsync(new UserGeneration(Id, Job.CreatedAt));
            return await ViewAsync();
        }
        GenerationRules.Validate(spec, policy);
        // A job no active device can run would only wait in the queue. World runs on any device, so it waits only when
        // there is none at all, which is only certain once every active silo's advertisement is known here.
        if (!devices.ActiveDevices().Any(device => device.CanRun(spec.Engine))
            && (spec.Engine != EngineKind.World || devices.KnowsEveryActiveSilo()))
            throw new DomainException(ErrorCodes.EngineUnavailable, GenerationRules.NoDeviceFor(spec.Engine), "engine");

        var createdAt = clock.GetUtcNow();
        // Listed before it is saved: a saved job is never missing from its owner's list (the list's readers skip an
        // entry whose job this call then failed to save).
        await OwnersList(spec).AddAsync(new UserGeneration(Id, createdAt));

        Job.Spec = spec;
        Job.Status = GenerationStatus.Queued;
        Job.CreatedAt = createdAt;
        Job.Attempt = 1;
        var queued = Record(GenerationEventKind.Queued);
        await state.WriteStateAsync();
        await this.RegisterOrUpdateReminder(WatchdogReminder, WatchdogPeriod, WatchdogPeriod);
        await SendAsync(queued);
        await Scheduler.EnqueueAsync(new QueuedGeneration(Id, Job.Attempt, spec));
        return await ViewAsync();
    }

    public Task<GenerationView> GetAsync(string callerId)
    {
        EnsureOwner(callerId);
        return ViewAsync();
    }

    public Task<IReadOnlyList<GenerationEvent>> HistoryAsync(string callerId)
    {
        EnsureOwner(callerId);
        return Task.FromResult<IReadOnlyList<GenerationEvent>>([.. Job.History]);
    }

    public async Task<GenerationView> CancelAsync(string callerId)
    {
        EnsureOwner(callerId);
        if (Job.Status.IsFinished()) return await ViewAsync();

        var device = Job.Device;
        await FinishAsync(GenerationStatus.Cancelled, Record(GenerationEventKind.Cancelled));
        await Scheduler.RemoveAsync(Id);
        if (device is not null)
            await GrainFactory.GetGrain<IDeviceWorkerGrain>(device.Key).CancelAsync(Id);
        await TellListNoVideoAsync();
        return await ViewAsync();
    }

    public async Task<bool> StartedAsync(int attempt, DeviceSlot device)
    {
        if (!IsCurrent(attempt)) return false;
        Job.Status = GenerationStatus.Running;
        Job.Device = device;
        Job.StartedAt ??= clock.GetUtcNow();
        Job.LastHeartbeat = clock.GetUtcNow();
        await SaveAndSendAsync(Record(GenerationEventKind.Started, e => e with { Device = device }));
        return true;
    }

    public async Task<bool> AdvancedAsync(int attempt, GenerationStatus status, double progress)
    {
        if (!IsCurrent(attempt)) return false;
        if (status is not (GenerationStatus.Running or GenerationStatus.Encoding or GenerationStatus.Signing))
            throw DomainException.BadInput("status", $"a worker cannot move a job to {status}");
        Job.Status = status;
        Job.Progress = Math.Clamp(progress, Job.Progress, 1);
        Job.LastHeartbeat = clock.GetUtcNow();
        await SaveAndSendAsync(Record(GenerationEventKind.Progress, e => e with { Fraction = Job.Progress }));
        return true;
    }

    public async Task<bool> ChunkReadyAsync(int attempt, int index, int frames, string previewUrl, double progress)
    {
        if (!IsCurrent(attempt)) return false;
        Job.Progress = Math.Clamp(progress, Job.Progress, 1);
        Job.LastHeartbeat = clock.GetUtcNow();
        await SaveAndSendAsync(
            Record(GenerationEventKind.Chunk, e => e with { ChunkIndex = index, Frames = frames, PreviewUrl = previewUrl }),
            Record(GenerationEventKind.Progress, e => e with { Fraction = Job.Progress }));
        return true;
    }

    public async Task<bool> CompletedAsync(int attempt, string videoId)
    {
        if (!IsCurrent(attempt)) return Job.Status == GenerationStatus.Ready && Job.VideoId == videoId;
        Job.VideoId = videoId;
        Job.Progress = 1;
        await FinishAsync(GenerationStatus.Ready, Record(GenerationEventKind.Completed, e => e with { VideoId = videoId }));
        return true;
    }

    public async Task<bool> FailedAsync(int attempt, string code, string message)
    {
        if (!IsCurrent(attempt)) return false;
        await FailAsync(code, message);
        return true;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != WatchdogReminder) return;
        if (Job.Spec is null || Job.Status.IsFinished())
        {
            await StopWatchingAsync();
            return;
        }
        if (Job.Status == GenerationStatus.Queued)
        {
            // Idempotent: the scheduler ignores a job it already holds, and takes back one it lost.
            await Scheduler.EnqueueAsync(new QueuedGeneration(Id, Job.Attempt, Job.Spec));
            return;
        }
        var silent = clock.GetUtcNow() - (Job.LastHeartbeat ?? Job.CreatedAt);
        var deviceGone = Job.Device is { } device && !devices.IsActive(device.Silo);
        if (deviceGone) await RequeueAsync($"silo {Job.Device!.Silo} left the cluster", NodeLeft);
        else if (silent > SilentWorkerLimit) await RequeueAsync($"its worker was silent for {silent.TotalSeconds:0} s", NodeSilent);
    }

    /// <summary>Why a job restarted, as its owner reads it: which node ran it is the operators' business (the log says).</summary>
    public const string NodeLeft = "the node making it left the cluster";

    public const string NodeSilent = "the node making it stopped answering";

    private async Task RequeueAsync(string why, string ownersWhy)
    {
        LogRequeue(Id, Job.Attempt, why);
        var lostDevice = Job.Device;
        if (Job.Attempt >= MaxAttempts)
        {
            await FailAsync("WORKER_LOST", $"gave up after {Job.Attempt} attempts; the last one stopped because {ownersWhy}");
            if (lostDevice is not null) await Scheduler.ReleaseAsync(lostDevice, Id);
            return;
        }
        Job.Attempt++;
        Job.Status = GenerationStatus.Queued;
        Job.Device = null;
        Job.Progress = 0;
        Job.LastHeartbeat = null;
        await SaveAndSendAsync(Record(GenerationEventKind.Queued, e => e with { Message = $"restarted: {ownersWhy}" }));
        if (lostDevice is not null) await Scheduler.ReleaseAsync(lostDevice, Id);
        await Scheduler.EnqueueAsync(new QueuedGeneration(Id, Job.Attempt, Job.Spec!));
    }

    private async Task FailAsync(string code, string message)
    {
        Job.FailureCode = code;
        Job.FailureMessage = message;
        await FinishAsync(GenerationStatus.Failed, Record(GenerationEventKind.Failed, e => e with { Code = code, Message = message }));
        await Scheduler.RemoveAsync(Id);
        await TellListNoVideoAsync();
    }

    /// <summary>
    /// Ends the job with its last event. The watchdog reminder is dropped only after the event is out (it costs the
    /// subscriber two round trips to the reminder table otherwise); a reminder left behind finds the job finished and
    /// drops itself.
    /// </summary>
    private async Task FinishAsync(GenerationStatus status, GenerationEvent lastEvent)
    {
        Job.Status = status;
        Job.FinishedAt = clock.GetUtcNow();
        await SaveAndSendAsync(lastEvent);
        try
        {
            await StopWatchingAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogReminderKept(e, Id);
        }
    }

    /// <summary>
    /// Tells the owner's list that this failed or cancelled job made no video, unless an attempt made one after all (its
    /// silo was presumed lost, or it finished as the job was cancelled) and may not have told the list. Best effort,
    /// after the device is freed: a list that was not told only makes myDrafts look for a video and find none.
    /// </summary>
    private async Task TellListNoVideoAsync()
    {
        try
        {
            var video = await GrainFactory.GetGrain<IVideoGrain>(GenerationIds.VideoIdFor(Id)).GetAsync(new UserId(Job.Spec!.OwnerId)).OrNullWhenNotFound();
            if (video is null) await OwnersList(Job.Spec).EndedWithoutVideoAsync(Id);
        }
        catch (Exception e)
        {
            LogListNotTold(e, Id);
        }
    }

    private async Task StopWatchingAsync()
    {
        if (await this.GetReminder(WatchdogReminder) is { } reminder)
            await this.UnregisterReminder(reminder);
    }

    private bool IsCurrent(int attempt) => Job.Spec is not null && attempt == Job.Attempt && !Job.Status.IsFinished();

    private void EnsureOwner(string callerId)
    {
        // Another user's job and no job at all look the same: ids are not a way to learn what others make.
        if (Job.Spec is null || Job.Spec.OwnerId != callerId) throw DomainException.NotFound("generation");
    }

    private async Task<GenerationView> ViewAsync() => new(Id, Job.Spec!, Job.Status, Job.Progress, Job.CreatedAt)
    {
        StartedAt = Job.StartedAt,
        FinishedAt = Job.FinishedAt,
        QueuePosition = Job.Status == GenerationStatus.Queued ? await Scheduler.PositionAsync(Id) : null,
        Device = Job.Device,
        VideoId = Job.VideoId,
        FailureCode = Job.FailureCode,
        FailureMessage = Job.FailureMessage,
        Attempts = Job.Attempt,
    };

    /// <summary>The job's next event, numbered and (unless it is progress) added to its history; written with the next save.</summary>
    private GenerationEvent Record(GenerationEventKind kind, Func<GenerationEvent, GenerationEvent>? fill = null)
    {
        var generationEvent = new GenerationEvent(Id, kind, clock.GetUtcNow()) { Sequence = ++Job.EventCount };
        if (fill is not null) generationEvent = fill(generationEvent);
        if (kind != GenerationEventKind.Progress && Job.History.Count < MaxHistory) Job.History.Add(generationEvent);
        return generationEvent;
    }

    /// <summary>
    /// One write for the state and the events recorded with it, then the events go out: saved before they are sent, so
    /// a subscriber replaying the history never misses an event it was not sent live.
    /// </summary>
    private async Task SaveAndSendAsync(params GenerationEvent[] events)
    {
        await state.WriteStateAsync();
        await SendAsync(events);
    }

    private async Task SendAsync(params GenerationEvent[] events)
    {
        var stream = this.GetStreamProvider(StreamNamespaces.Provider).GetStream<GenerationEvent>(GenerationStreams.Of(Id));
        foreach (var generationEvent in events) await stream.OnNextAsync(generationEvent);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generation {Id} finished, but its watchdog reminder could not be dropped yet; it will drop itself")]
    private partial void LogReminderKept(Exception error, Guid id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generation {Id} ended without a video, but its owner's job list could not be told")]
    private partial void LogListNotTold(Exception error, Guid id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generation {Id} attempt {Attempt} is handed to another device: {Why}")]
    private partial void LogRequeue(Guid id, int attempt, string why);
}
