using System.Text.Json;
using Sora.Api.Tests.Infrastructure;

namespace Sora.Api.Tests.Social;

/// <summary>
/// Feed pages are served from what the server keeps at hand (the viewer's graph in their feed grain, the
/// videos in each silo's local views), so every change must show on the very next request, in both feeds:
/// a like, a comment, a view, a new caption, a remix, a follow, a block, an unpublish or delete, a new post.
/// </summary>
public sealed class FeedFreshnessTests(SoraTestServer server) : IClassFixture<SoraTestServer>
{
    private static readonly string[] Kinds = ["FOLLOWING", "FOR_YOU"];

    private const string Fields = "id caption likeCount commentCount viewCount remixCount likedByViewer creator { handle }";

    /// <summary>The video as it appears in this person's feed of this kind, or null when it is not there.</summary>
    private static async Task<JsonElement?> InFeedAsync(Person person, string kind, string video)
    {
        var data = await person.Client.DataAsync(
            $"query($k: FeedKind!) {{ feed(kind: $k, first: 100) {{ edges {{ node {{ {Fields} }} }} }} }}", new { k = kind });
        foreach (var edge in data.GetProperty("feed").GetProperty("edges").EnumerateArray())
            if (edge.GetProperty("node").GetProperty("id").GetString() == video) return edge.GetProperty("node");
        return null;
    }

    /// <summary>Reads both feeds and checks the video in each.</summary>
    private static async Task AssertInBothFeedsAsync(Person person, string video, Action<JsonElement> check)
    {
        foreach (var kind in Kinds)
        {
            var node = await InFeedAsync(person, kind, video);
            Assert.True(node.HasValue, $"{video} is missing from {person.Handle}'s {kind}");
            check(node.Value);
        }
    }

    private static async Task AssertInNeitherFeedAsync(Person person, string video)
    {
        foreach (var kind in Kinds) Assert.Null(await InFeedAsync(person, kind, video));
    }

    private static int Count(JsonElement node, string field) => node.GetProperty(field).GetInt32();

    private async Task<(Person Ann, Person Ben, string Video)> FollowedVideoAsync()
    {
        var ann = await People.SignUpAsync(server, "ann");
        var ben = await People.SignUpAsync(server, "ben");
        await ben.FollowAsync(ann);
        var video = await ann.PublishAsync(caption: "first caption");
        await AssertInBothFeedsAsync(ben, video, node => Assert.Equal(0, Count(node, "likeCount")));
        return (ann, ben, video);
    }

    [Fact]
    public async Task Your_like_and_unlike_show_in_both_feeds_on_the_next_request()
    {
        var (ann, ben, video) = await FollowedVideoAsync();
        var cat = await People.SignUpAsync(server, "cat");
        await cat.FollowAsync(ann);

        await ben.Client.DataAsync("mutation($v: ID!) { like(videoId: $v) { id } }", new { v = video });
        await AssertInBothFeedsAsync(ben, video, node =>
        {
            Assert.Equal(1, Count(node, "likeCount"));
            Assert.True(node.GetProperty("likedByViewer").GetBoolean());
        });
        await AssertInBothFeedsAsync(cat, video, node =>
        {
            Assert.Equal(1, Count(node, "likeCount"));
            Assert.False(node.GetProperty("likedByViewer").GetBoolean());
        });

        await ben.Client.DataAsync("mutation($v: ID!) { unlike(videoId: $v) { id } }", new { v = video });
        await AssertInBothFeedsAsync(ben, video, node =>
        {
            Assert.Equal(0, Count(node, "likeCount"));
            Assert.False(node.GetProperty("likedByViewer").GetBoolean());
        });
    }

    [Fact]
    public async Task Your_comment_and_its_deletion_show_in_both_feeds_on_the_next_request()
    {
        var (_, ben, video) = await FollowedVideoAsync();

        var comment = await ben.Client.DataAsync("mutation($v: ID!) { comment(videoId: $v, text: \"first!\") { id } }", new { v = video });
        await AssertInBothFeedsAsync(ben, video, node => Assert.Equal(1, Count(node, "commentCount")));

        await ben.Client.DataAsync("mutation($v: ID!, $c: ID!) { deleteComment(videoId: $v, commentId: $c) }",
            new { v = video, c = comment.GetProperty("comment").GetProperty("id").GetString() });
        await AssertInBothFeedsAsync(ben, video, node => Assert.Equal(0, Count(node, "commentCount")));
    }

    [Fact]
    public async Task A_view_a_new_caption_and_a_published_remix_show_in_both_feeds_on_the_next_request()
    {
        var (ann, ben, video) = await FollowedVideoAsync();
        var cat = await People.SignUpAsync(server, "cat");

        // Someone else's view: the viewer's own view takes the video out of their FOR_YOU (already seen).
        await cat.Client.DataAsync("mutation($v: ID!) { recordView(videoId: $v) }", new { v = video });
        await AssertInBothFeedsAsync(ben, video, node => Assert.Equal(1, Count(node, "viewCount")));

        await ann.Client.DataAsync("mutation($id: ID!) { publishVideo(id: $id, caption: \"second caption\") { id } }", new { id = video });
        await AssertInBothFeedsAsync(ben, video, node => Assert.Equal("second caption", node.GetProperty("caption").GetString()));

        await cat.PublishAsync("the same glass, slower", remixOf: video);
        await AssertInBothFeedsAsync(ben, video, node => Assert.Equal(1, Count(node, "remixCount")));
    }

    [Fact]
    public async Task Unpublished_and_deleted_videos_leave_both_feeds_on_the_next_request_and_a_republished_one_returns()
    {
        var (ann, ben, video) = await FollowedVideoAsync();
        var other = await ann.PublishAsync("another one");
        await AssertInBothFeedsAsync(ben, other, _ => { });

        await ann.Client.DataAsync("mutation($id: ID!) { unpublishVideo(id: $id) { id } }", new { id = video });
        await AssertInNeitherFeedAsync(ben, video);
        await ann.Client.DataAsync("mutation($id: ID!) { publishVideo(id: $id) { id } }", new { id = video });
        await AssertInBothFeedsAsync(ben, video, _ => { });

        await ann.Client.DataAsync("mutation($id: ID!) { deleteVideo(id: $id) }", new { id = other });
        await AssertInNeitherFeedAsync(ben, other);
    }

    [Fact]
    public async Task A_new_post_of_someone_you_follow_is_in_both_feeds_on_the_next_request()
    {
        var (ann, ben, _) = await FollowedVideoAsync();
        for (var i = 0; i < 3; i++)
        {
            var video = await ann.PublishAsync($"post {i}");
            await AssertInBothFeedsAsync(ben, video, node => Assert.Equal(ann.Handle, node.GetProperty("creator").GetProperty("handle").GetString()));
            Assert.Equal(video, (await ben.FeedAsync("FOLLOWING"))[0]);
        }
    }

    [Fact]
    public async Task Your_follow_unfollow_and_block_change_both_feeds_on_the_next_request()
    {
        var ann = await People.SignUpAsync(server, "ann");
        var ben = await People.SignUpAsync(server, "ben");
        var video = await ann.PublishAsync();
        Assert.Null(await InFeedAsync(ben, "FOLLOWING", video));
        Assert.NotNull(await InFeedAsync(ben, "FOR_YOU", video));

        await ben.FollowAsync(ann);
        Assert.NotNull(await InFeedAsync(ben, "FOLLOWING", video));

        await ben.Client.DataAsync("mutation($h: String!) { unfollow(handle: $h) { handle } }", new { h = ann.Handle });
        Assert.Null(await InFeedAsync(ben, "FOLLOWING", video));

        await ben.FollowAsync(ann);
        Assert.NotNull(await InFeedAsync(ben, "FOLLOWING", video));
        await ben.Client.DataAsync("mutation($h: String!) { block(handle: $h) { handle } }", new { h = ann.Handle });
        await AssertInNeitherFeedAsync(ben, video);

        // Blocked the other way round: hidden from the blocker's victim too.
        var cat = await People.SignUpAsync(server, "cat");
        await cat.FollowAsync(ann);
        await AssertInBothFeedsAsync(cat, video, _ => { });
        await ann.Client.DataAsync("mutation($h: String!) { block(handle: $h) { handle } }", new { h = cat.Handle });
        await AssertInNeitherFeedAsync(cat, video);
    }
}
