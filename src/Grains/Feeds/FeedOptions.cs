namespace Sora.Grains.Feeds;

/// <summary>Sizes and thresholds of the feeds.</summary>
public sealed class FeedOptions
{
    /// <summary>Creators with more followers than this are read at query time instead of fanned out.</summary>
    public int FanInFollowerThreshold { get; set; } = 1_000;

    /// <summary>How many items a FOLLOWING inbox keeps; older ones fall off.</summary>
    public int InboxCapacity { get; set; } = 500;

    /// <summary>How many seen videos a person's feed remembers for FOR_YOU's already-seen filter.</summary>
    public int SeenCapacity { get; set; } = 5_000;

    /// <summary>How many videos FOR_YOU ranks for a viewer (the best by the viewer-independent score).</summary>
    public int CandidateCount { get; set; } = 1_000;

    /// <summary>How many published videos the catalog keeps for ranking; the oldest fall off.</summary>
    public int CatalogCapacity { get; set; } = 100_000;

    /// <summary>How many feed deliveries a fan-out keeps in flight at once.</summary>
    public int FanOutBatchSize { get; set; } = 256;
}
