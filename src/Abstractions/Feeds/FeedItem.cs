using Sora.Abstractions.Users;
using Sora.Abstractions.Videos;

namespace Sora.Abstractions.Feeds;

/// <summary>A published video as feeds hold it: enough to order and filter without asking the video.</summary>
[GenerateSerializer, Immutable, Alias("Sora.FeedItem")]
public sealed record FeedItem(
    [property: Id(0)] VideoId Video,
    [property: Id(1)] UserId Creator,
    [property: Id(2)] DateTimeOffset PublishedAt)
{
    public FeedPosition Position => new(PublishedAt, Video);
}

/// <summary>
/// A place in a newest-first list: ordered by publication time, then by video id, so that keyset cursors
/// are stable when lists from several sources are merged.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sora.FeedPosition")]
public readonly record struct FeedPosition(
    [property: Id(0)] DateTimeOffset PublishedAt,
    [property: Id(1)] VideoId Video) : IComparable<FeedPosition>
{
    /// <summary>Newest first: a position that sorts earlier is more recent.</summary>
    public int CompareTo(FeedPosition other)
    {
        var byTime = other.PublishedAt.UtcTicks.CompareTo(PublishedAt.UtcTicks);
        return byTime != 0 ? byTime : string.CompareOrdinal(other.Video.Value, Video.Value);
    }
}
