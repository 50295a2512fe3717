namespace Sora.Abstractions.Generation;

public static class GenerationStreams
{
    /// <summary>The stream of one job's events: Queued, Started, Chunk…, Progress…, then one of Completed/Failed/Cancelled.</summary>
    public static StreamId Of(Guid generationId) => StreamId.Create(StreamNamespaces.Generation, generationId);
}
