namespace Sora.Abstractions.Generation;

/// <summary>
/// One generation job (Guid key), a persisted state machine. Owner-facing calls check the caller; worker
/// callbacks carry the attempt number so a worker that lost its job (its silo was presumed dead) cannot
/// change it any more.
/// </summary>
[Alias("Sora.IGenerationGrain")]
public interface IGenerationGrain : IGrainWithGuidKey
{
    /// <summary>Validates and queues the job; submitting the same job again returns it unchanged.</summary>
    [Alias("Submit")]
    Task<GenerationView> SubmitAsync(GenerationSpec spec);

    [Alias("Get")]
    Task<GenerationView> GetAsync(string callerId);

    /// <summary>What happened so far (all events except progress ticks), oldest first.</summary>
    [Alias("History")]
    Task<IReadOnlyList<GenerationEvent>> HistoryAsync(string callerId);

    [Alias("Cancel")]
    Task<GenerationView> CancelAsync(string callerId);

    [Alias("Started")]
    Task<bool> StartedAsync(int attempt, DeviceSlot device);

    [Alias("Advanced")]
    Task<bool> AdvancedAsync(int attempt, GenerationStatus status, double progress);

    [Alias("ChunkReady")]
    Task<bool> ChunkReadyAsync(int attempt, int index, int frames, string previewUrl, double progress);

    [Alias("Completed")]
    Task<bool> CompletedAsync(int attempt, string videoId);

    [Alias("Failed")]
    Task<bool> FailedAsync(int attempt, string code, string message);
}
