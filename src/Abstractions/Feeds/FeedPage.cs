using Sora.Abstractions.Videos;

namespace Sora.Abstractions.Feeds;

/// <summary>One page of a feed: video ids in order, and the opaque cursor after each.</summary>
[GenerateSerializer, Immutable, Alias("Sora.FeedPage")]
public sealed record FeedPage(
    [property: Id(0)] IReadOnlyList<FeedPageEntry> Entries,
    [property: Id(1)] bool HasNextPage);

/// <param name="View">The video as the page's viewer sees it, when whoever made the page loaded it already.</param>
[GenerateSerializer, Immutable, Alias("Sora.FeedPageEntry")]
public sealed record FeedPageEntry(
    [property: Id(0)] VideoId Video,
    [property: Id(1)] string Cursor,
    [property: Id(2)] VideoView? View = null);
