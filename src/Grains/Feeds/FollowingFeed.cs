using Sora.Abstractions.Feeds;
using Sora.Abstractions.Users;

namespace Sora.Grains.Feeds;

/// <summary>The FOLLOWING order: newest first over every source, each video once, only from creators still followed and not hidden.</summary>
public static class FollowingFeed
{
    public static IReadOnlyList<FeedItem> Merge(
        IEnumerable<FeedItem> inbox,
        IEnumerable<IEnumerable<FeedItem>> pulled,
        IReadOnlySet<UserId> following,
        IReadOnlySet<UserId> hidden,
        FeedPosition? after,
        int max) =>
        [.. pulled.SelectMany(items => items)
            .Concat(inbox)
            .Where(i => following.Contains(i.Creator) && !hidden.Contains(i.Creator))
            .Where(i => after is not { } position || i.Position.CompareTo(position) > 0)
            .DistinctBy(i => i.Video)
            .OrderBy(i => i.Position)
            .Take(max)];
}
