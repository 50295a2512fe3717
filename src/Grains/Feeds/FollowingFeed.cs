using Sora.Abstractions.Feeds;
using Sora.Abstractions.Users;
using Sora.Abstractions.Videos;

namespace Sora.Grains.Feeds;

/// <summary>The FOLLOWING order: newest first over every source, each video once, only from creators still followed and not hidden.</summary>
public static class FollowingFeed
{
    /// <summary>
    /// Merges the sources, each already newest first (the inbox keeps itself so; a pulled list that is not
    /// is sorted here), and stops after <paramref name="max"/> items, so a page looks at about as many items
    /// as it returns rather than at the whole inbox.
    /// </summary>
    public static IReadOnlyList<FeedItem> Merge(
        IReadOnlyList<FeedItem> inbox,
        IReadOnlyList<IReadOnlyList<FeedItem>> pulled,
        IReadOnlySet<UserId> following,
        IReadOnlySet<UserId> hidden,
        FeedPosition? after,
        int max)
    {
        var sources = new IReadOnlyList<FeedItem>[pulled.Count + 1];
        sources[0] = inbox;
        for (var s = 0; s < pulled.Count; s++) sources[s + 1] = IsNewestFirst(pulled[s]) ? pulled[s] : [.. pulled[s].OrderBy(i => i.Position)];

        var next = new int[sources.Length];
        if (after is { } position)
            for (var s = 0; s < sources.Length; s++) next[s] = FirstAfter(sources[s], position);

        var page = new List<FeedItem>(Math.Min(max, 128));
        var taken = new HashSet<VideoId>();
        while (page.Count < max)
        {
            var best = -1;
            for (var s = 0; s < sources.Length; s++)
                if (next[s] < sources[s].Count && (best < 0 || sources[s][next[s]].Position.CompareTo(sources[best][next[best]].Position) < 0))
                    best = s;
            if (best < 0) break;

            var item = sources[best][next[best]++];
            if (following.Contains(item.Creator) && !hidden.Contains(item.Creator) && taken.Add(item.Video)) page.Add(item);
        }
        return page;
    }

    private static bool IsNewestFirst(IReadOnlyList<FeedItem> items)
    {
        for (var i = 1; i < items.Count; i++)
            if (items[i - 1].Position.CompareTo(items[i].Position) > 0) return false;
        return true;
    }

    /// <summary>The index of the first item after <paramref name="position"/> in a newest-first list.</summary>
    private static int FirstAfter(IReadOnlyList<FeedItem> items, FeedPosition position)
    {
        int low = 0, high = items.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (items[middle].Position.CompareTo(position) > 0) high = middle;
            else low = middle + 1;
        }
        return low;
    }
}
