using Sora.Abstractions.Feeds;
using Sora.Abstractions.Users;
using Sora.Abstractions.Videos;

namespace Sora.Grains.Feeds;

/// <summary>What FOR_YOU knows of the person it ranks for.</summary>
public sealed record RankingViewer(
    UserId Viewer,
    IReadOnlySet<UserId> Following,
    IReadOnlyDictionary<UserId, int> LikedCreators,
    IReadOnlySet<UserId> Hidden,
    IReadOnlySet<VideoId> Seen);

/// <summary>
/// The FOR_YOU ranking, as documented in <c>docs/feed-ranking.md</c>. A pure function of the candidates,
/// the viewer and the time: the same inputs always give the same order.
/// </summary>
public static class ForYouRanking
{
    public const double RecencyHalfLifeHours = 24;
    public const double VelocityPriorHours = 2;
    public const double FollowAffinity = 1.0;
    public const double LikeAffinityPerLike = 0.25;
    public const int LikeAffinityMaxLikes = 4;
    public const double RemixWeight = 0.5;

    /// <summary>Likes, comments, remixes and views, weighted by the effort each takes.</summary>
    public static double Engagement(VideoStats s) => s.Likes + 2.0 * s.Comments + 3.0 * s.Remixes + 0.1 * s.Views;

    public static double AgeHours(VideoStats s, DateTimeOffset now) => Math.Max(0, (now - s.PublishedAt).TotalHours);

    /// <summary>Engagement per hour since publication, with a prior so that a minute-old like is not a spike.</summary>
    public static double Velocity(VideoStats s, DateTimeOffset now) => Engagement(s) / (AgeHours(s, now) + VelocityPriorHours);

    public static double Recency(VideoStats s, DateTimeOffset now) => Math.Pow(0.5, AgeHours(s, now) / RecencyHalfLifeHours);

    public static double RemixActivity(VideoStats s) => RemixWeight * Math.Log(1 + s.Remixes);

    /// <summary>The part of the score that is the same for every viewer; the catalog picks candidates by it.</summary>
    public static double GlobalScore(VideoStats s, DateTimeOffset now) =>
        (1 + Velocity(s, now)) * Recency(s, now) * (1 + RemixActivity(s));

    public static double Affinity(VideoStats s, RankingViewer viewer)
    {
        var affinity = viewer.Following.Contains(s.Creator) ? FollowAffinity : 0;
        if (viewer.LikedCreators.TryGetValue(s.Creator, out var likes))
            affinity += LikeAffinityPerLike * Math.Min(likes, LikeAffinityMaxLikes);
        return affinity;
    }

    public static double Score(VideoStats s, RankingViewer viewer, DateTimeOffset now) =>
        GlobalScore(s, now) * (1 + Affinity(s, viewer));

    /// <summary>Filters, scores, orders (ties by video id) and spreads creators apart.</summary>
    public static IReadOnlyList<VideoStats> Rank(IEnumerable<VideoStats> candidates, RankingViewer viewer, DateTimeOffset now)
    {
        var ordered = candidates
            .Where(s => s.Creator != viewer.Viewer && !viewer.Hidden.Contains(s.Creator) && !viewer.Seen.Contains(s.Video))
            .Select(s => (Stats: s, Score: Score(s, viewer, now)))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Stats.Video.Value, StringComparer.Ordinal)
            .Select(x => x.Stats)
            .ToList();
        return Diversify(ordered);
    }

    /// <summary>
    /// Never the same creator twice in a row: each slot takes the best remaining video whose creator differs
    /// from the previous one. When only one creator's videos remain, the list ends there.
    /// </summary>
    public static IReadOnlyList<VideoStats> Diversify(IReadOnlyList<VideoStats> ranked)
    {
        var remaining = new LinkedList<VideoStats>(ranked);
        var result = new List<VideoStats>(ranked.Count);
        UserId? previous = null;
        while (remaining.Count > 0)
        {
            var node = remaining.First;
            while (node is not null && node.Value.Creator == previous) node = node.Next;
            if (node is null) break;
            result.Add(node.Value);
            previous = node.Value.Creator;
            remaining.Remove(node);
        }
        return result;
    }
}
