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

    public static double Affinity(VideoStats s, RankingViewer viewer) => Affinity(s.Creator, viewer);

    public static double Affinity(UserId creator, RankingViewer viewer)
    {
        var affinity = viewer.Following.Contains(creator) ? FollowAffinity : 0;
        if (viewer.LikedCreators.TryGetValue(creator, out var likes))
            affinity += LikeAffinityPerLike * Math.Min(likes, LikeAffinityMaxLikes);
        return affinity;
    }

    public static double Score(VideoStats s, RankingViewer viewer, DateTimeOffset now) =>
        GlobalScore(s, now) * (1 + Affinity(s, viewer));

    /// <summary>Filters, scores, orders (ties by video id) and spreads creators apart.</summary>
    public static IReadOnlyList<VideoStats> Rank(IEnumerable<VideoStats> candidates, RankingViewer viewer, DateTimeOffset now) =>
        Rank(ByGlobalScore(candidates, now, int.MaxValue), viewer);

    /// <summary>The best <paramref name="count"/> videos by <see cref="GlobalScore"/>, best first, ties by video id.</summary>
    public static IReadOnlyList<ScoredCandidate> ByGlobalScore(IEnumerable<VideoStats> videos, DateTimeOffset now, int count) =>
        [.. videos
            .Select(v => new ScoredCandidate(v, GlobalScore(v, now)))
            .OrderByDescending(c => c.GlobalScore)
            .ThenBy(c => c.Stats.Video.Value, StringComparer.Ordinal)
            .Take(count)];

    /// <summary>
    /// <see cref="Rank(IEnumerable{VideoStats}, RankingViewer, DateTimeOffset)"/> over candidates already in
    /// global order. Only videos of creators the viewer follows or likes move (their score is multiplied by
    /// 1 + affinity); everyone else keeps the global order, so only the moved ones are sorted and then merged
    /// in (see <see cref="ForYouOrder"/>, which produces this order lazily).
    /// </summary>
    public static IReadOnlyList<VideoStats> Rank(IReadOnlyList<ScoredCandidate> byGlobalScore, RankingViewer viewer) =>
        new ForYouOrder(byGlobalScore, viewer).All();

    /// <summary>Higher score first; equal scores by video id, so the order is total and the same everywhere.</summary>
    internal static int BestFirst((VideoStats Stats, double Score) a, (VideoStats Stats, double Score) b)
    {
        var byScore = b.Score.CompareTo(a.Score);
        return byScore != 0 ? byScore : string.CompareOrdinal(a.Stats.Video.Value, b.Stats.Video.Value);
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
