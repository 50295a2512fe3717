using Sora.Abstractions.Feeds;
using Sora.Abstractions.Users;
using Sora.Abstractions.Videos;
using Sora.Grains.Feeds;

namespace Sora.Grains.Tests.Social;

public sealed class ForYouRankingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly UserId Viewer = new("u_viewer");
    private static readonly UserId Ann = new("u_ann");
    private static readonly UserId Ben = new("u_ben");
    private static readonly UserId Cat = new("u_cat");

    private static VideoStats Video(string id, UserId creator, double hoursAgo, int likes = 0, int comments = 0, int views = 0, int remixes = 0) =>
        new(new VideoId(id), creator, Now.AddHours(-hoursAgo), likes, comments, views, remixes);

    private static RankingViewer Viewing(
        IEnumerable<UserId>? following = null, Dictionary<UserId, int>? liked = null, IEnumerable<UserId>? hidden = null, IEnumerable<string>? seen = null) =>
        new(Viewer, (following ?? []).ToHashSet(), liked ?? [], (hidden ?? []).ToHashSet(), (seen ?? []).Select(s => new VideoId(s)).ToHashSet());

    private static List<string> Ids(IEnumerable<VideoStats> ranked) => [.. ranked.Select(v => v.Video.Value)];

    [Fact]
    public void Faster_engagement_ranks_first_at_equal_age()
    {
        var ranked = ForYouRanking.Rank([Video("slow", Ann, 3, likes: 1), Video("fast", Ben, 3, likes: 40)], Viewing(), Now);
        Assert.Equal(["fast", "slow"], Ids(ranked));
    }

    [Fact]
    public void Old_videos_decay_even_with_more_likes()
    {
        var ranked = ForYouRanking.Rank([Video("old", Ann, 24 * 7, likes: 50), Video("new", Ben, 1, likes: 5)], Viewing(), Now);
        Assert.Equal(["new", "old"], Ids(ranked));
    }

    [Fact]
    public void Affinity_lifts_creators_the_viewer_follows_or_liked()
    {
        var candidates = new[] { Video("ann", Ann, 2, likes: 3), Video("ben", Ben, 2, likes: 3), Video("cat", Cat, 2, likes: 4) };

        Assert.Equal("cat", Ids(ForYouRanking.Rank(candidates, Viewing(), Now))[0]);
        Assert.Equal("ben", Ids(ForYouRanking.Rank(candidates, Viewing(following: [Ben]), Now))[0]);
        Assert.Equal("ann", Ids(ForYouRanking.Rank(candidates, Viewing(liked: new() { [Ann] = 2 }), Now))[0]);
    }

    [Fact]
    public void Remix_activity_lifts_a_video()
    {
        var ranked = ForYouRanking.Rank([Video("plain", Ann, 2, likes: 12), Video("remixed", Ben, 2, likes: 0, remixes: 3)], Viewing(), Now);
        Assert.Equal(["remixed", "plain"], Ids(ranked));
    }

    [Fact]
    public void The_same_creator_never_appears_twice_in_a_row()
    {
        var candidates = new[]
        {
            Video("a1", Ann, 1, likes: 90), Video("a2", Ann, 1, likes: 80), Video("a3", Ann, 1, likes: 70),
            Video("b1", Ben, 1, likes: 10), Video("c1", Cat, 1, likes: 5),
        };

        var ranked = ForYouRanking.Rank(candidates, Viewing(), Now);

        Assert.Equal(["a1", "b1", "a2", "c1", "a3"], Ids(ranked));
    }

    [Fact]
    public void Seen_hidden_and_own_videos_are_left_out()
    {
        var candidates = new[] { Video("seen", Ann, 1), Video("blocked", Ben, 1), Video("own", Viewer, 1), Video("fresh", Cat, 1) };

        var ranked = ForYouRanking.Rank(candidates, Viewing(hidden: [Ben], seen: ["seen"]), Now);

        Assert.Equal(["fresh"], Ids(ranked));
    }

    [Fact]
    public void The_same_inputs_give_the_same_order_whatever_order_they_come_in()
    {
        var candidates = Enumerable.Range(0, 200)
            .Select(i => Video($"v{i:000}", new UserId("u_" + (i % 7)), i % 13, likes: i % 5, comments: i % 3, views: i))
            .ToList();
        var shuffled = candidates.OrderBy(v => v.Video.Value.GetHashCode()).ToList();

        Assert.Equal(Ids(ForYouRanking.Rank(candidates, Viewing(), Now)), Ids(ForYouRanking.Rank(shuffled, Viewing(), Now)));
    }

    [Fact]
    public void Ranking_from_the_catalogs_global_order_equals_sorting_every_candidate_by_its_full_score()
    {
        var creators = Enumerable.Range(0, 9).Select(i => new UserId("u_" + i)).ToList();
        var candidates = Enumerable.Range(0, 300)
            .Select(i => Video($"v{i:000}", creators[i % 9], i % 17, likes: i % 11, comments: i % 4, views: i % 50, remixes: i % 3))
            .ToList();
        var viewer = Viewing(following: [creators[1], creators[4]], liked: new() { [creators[2]] = 3, [creators[4]] = 1 }, hidden: [creators[7]], seen: ["v010", "v011"]);

        var bySort = ForYouRanking.Diversify([.. candidates
            .Where(s => !viewer.Hidden.Contains(s.Creator) && !viewer.Seen.Contains(s.Video))
            .OrderByDescending(s => ForYouRanking.Score(s, viewer, Now))
            .ThenBy(s => s.Video.Value, StringComparer.Ordinal)]);

        Assert.Equal(Ids(bySort), Ids(ForYouRanking.Rank(ForYouRanking.ByGlobalScore(candidates, Now, candidates.Count), viewer)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Pages_of_the_lazy_order_join_up_to_the_whole_ranking_even_when_one_creator_dominates(bool indexed)
    {
        // Ann has most of the best videos, so most of them wait for someone else to come between; the order
        // ends when only Ann's are left.
        var candidates = Enumerable.Range(0, 60)
            .Select(i => Video($"v{i:00}", i % 6 == 0 ? Ben : i % 10 == 0 ? Cat : Ann, i % 13, likes: 60 - i, comments: i % 3))
            .ToList();
        var viewer = Viewing(following: [Cat], liked: new() { [Ben] = 2 }, seen: ["v07"]);
        var byGlobalScore = ForYouRanking.ByGlobalScore(candidates, Now, candidates.Count);
        var bySort = ForYouRanking.Diversify([.. candidates
            .Where(s => !viewer.Seen.Contains(s.Video))
            .OrderByDescending(s => ForYouRanking.Score(s, viewer, Now))
            .ThenBy(s => s.Video.Value, StringComparer.Ordinal)]);

        var order = new ForYouOrder(byGlobalScore, viewer, indexed ? CandidateIndex.Build(byGlobalScore) : null);
        var paged = new List<VideoStats>();
        for (var offset = 0; ; offset += 4)
        {
            var (page, hasMore) = order.Take(offset, 4);
            paged.AddRange(page);
            Assert.Equal(offset + 4 < bySort.Count, hasMore);
            if (!hasMore) break;
        }

        Assert.Equal(Ids(bySort), Ids(paged));
        Assert.True(bySort.Count < candidates.Count - 1, "some of Ann's videos are left out at the end");
        Assert.Empty(order.Take(bySort.Count + 10, 4).Page);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(250)]
    public void The_order_found_from_the_viewers_side_is_the_order_found_by_looking_up_every_candidate(int seenCount)
    {
        var creators = Enumerable.Range(0, 12).Select(i => new UserId("u_" + i)).Append(Viewer).ToList();
        var candidates = Enumerable.Range(0, 200)
            .Select(i => Video($"v{i:000}", creators[i % creators.Count], i % 19, likes: i % 7, comments: i % 5, views: i % 40, remixes: i % 2))
            .ToList();
        var byGlobalScore = ForYouRanking.ByGlobalScore(candidates, Now, candidates.Count);
        var viewer = Viewing(
            following: [creators[1], creators[3], creators[5], creators[9]],
            liked: new() { [creators[3]] = 9, [creators[6]] = 1, [creators[9]] = 2 },
            hidden: [creators[5], creators[7]],
            seen: Enumerable.Range(0, seenCount).Select(i => $"v{i * 3:000}"));

        var direct = new ForYouOrder(byGlobalScore, viewer).All();
        var indexed = new ForYouOrder(byGlobalScore, viewer, CandidateIndex.Build(byGlobalScore)).All();

        Assert.Equal(Ids(direct), Ids(indexed));
        Assert.DoesNotContain(indexed, s => s.Creator == Viewer || s.Creator == creators[5] || s.Creator == creators[7]);
        Assert.Null(CandidateIndex.Shared(byGlobalScore));
        Assert.NotNull(CandidateIndex.Shared(byGlobalScore));
    }

    [Fact]
    public void A_restarted_order_is_the_order_a_new_one_gives_whatever_the_previous_session_left_behind()
    {
        var creators = Enumerable.Range(0, 8).Select(i => new UserId("u_" + i)).ToList();
        var small = ForYouRanking.ByGlobalScore(Enumerable.Range(0, 40)
            .Select(i => Video($"s{i:00}", creators[i % 3], i % 11, likes: i % 5)).ToList(), Now, 40);
        var large = ForYouRanking.ByGlobalScore(Enumerable.Range(0, 90)
            .Select(i => Video($"l{i:00}", creators[i % creators.Count], i % 17, likes: i % 7, comments: i % 4)).ToList(), Now, 90);
        var first = Viewing(following: [creators[0]], liked: new() { [creators[1]] = 3 }, seen: ["s03", "s04"]);
        var second = Viewing(following: [creators[2], creators[5]], liked: new() { [creators[6]] = 1 }, hidden: [creators[7]], seen: ["l10"]);

        // A session that paged part-way and left videos held back for the diversity rule.
        var order = new ForYouOrder(small, first, CandidateIndex.Build(small));
        order.Take(0, 7);

        order.Restart(large, second, CandidateIndex.Build(large));
        Assert.Equal(Ids(new ForYouOrder(large, second).All()), Ids(order.All()));

        order.Restart(small, first);
        Assert.Equal(Ids(new ForYouOrder(small, first).All()), Ids(order.All()));
    }
}
