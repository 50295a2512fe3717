using System.Text.Json;
using Sora.Api.Tests.Infrastructure;

namespace Sora.Api.Tests.Social;

/// <summary>Two and three people using Sora through real clients: .NET HttpClient and the npm graphql-ws client.</summary>
public sealed class StoryTests(SoraTestServer server) : IClassFixture<SoraTestServer>
{
    private object Request(Person who, string query, object variables) => new
    {
        kind = "fetch",
        url = server.GraphQLUrl,
        headers = new Dictionary<string, string> { ["content-type"] = "application/json", ["authorization"] = "Bearer " + who.Token },
        body = JsonSerializer.Serialize(new { query, variables }),
    };

    [Fact]
    public async Task A_follower_sees_a_new_video_arrive_live_then_likes_and_comments_on_it()
    {
        var ann = await People.SignUpAsync(server, "ann");
        var ben = await People.SignUpAsync(server, "ben");
        await ben.FollowAsync(ann);
        var draft = await ann.DraftAsync("a glass slides off a table and shatters");

        var live = await NodeProbe.RunAsync(new
        {
            kind = "subscribe",
            url = server.WebSocketUrl,
            connectionParams = new { authorization = "Bearer " + ben.Token },
            query = "subscription { feedUpdates { kind videoId video { caption creator { handle } } } }",
            take = 1,
            afterConnected = new[] { Request(ann, "mutation($id: ID!) { publishVideo(id: $id, caption: \"oops\") { status } }", new { id = draft }) },
        });

        var update = live.GetProperty("events")[0].GetProperty("data").GetProperty("feedUpdates");
        Assert.Equal("ADDED", update.GetProperty("kind").GetString());
        Assert.Equal(draft, update.GetProperty("videoId").GetString());
        Assert.Equal("oops", update.GetProperty("video").GetProperty("caption").GetString());
        Assert.Equal(ann.Handle, update.GetProperty("video").GetProperty("creator").GetProperty("handle").GetString());
        Assert.Equal([draft], await ben.FeedAsync("FOLLOWING"));

        await ben.Client.DataAsync("mutation($v: ID!) { like(videoId: $v) { likeCount } }", new { v = draft });
        await ben.Client.DataAsync("mutation($v: ID!) { like(videoId: $v) { likeCount } }", new { v = draft });
        await ben.Client.DataAsync("mutation($v: ID!) { comment(videoId: $v, text: \"so real\") { id } }", new { v = draft });

        var seenByAnn = await ann.VideoAsync(draft, "likeCount commentCount likedByViewer comments { edges { node { text author { handle } } } }");
        Assert.Equal(1, seenByAnn.GetProperty("likeCount").GetInt32());
        Assert.False(seenByAnn.GetProperty("likedByViewer").GetBoolean());
        var comment = seenByAnn.GetProperty("comments").GetProperty("edges")[0].GetProperty("node");
        Assert.Equal(("so real", ben.Handle), (comment.GetProperty("text").GetString(), comment.GetProperty("author").GetProperty("handle").GetString()));
        Assert.True((await ben.VideoAsync(draft, "likedByViewer")).GetProperty("likedByViewer").GetBoolean());
    }

    [Fact]
    public async Task Three_people_remix_a_chain_and_each_remix_credits_and_traces_its_parents()
    {
        var ann = await People.SignUpAsync(server, "ann");
        var ben = await People.SignUpAsync(server, "ben");
        var cat = await People.SignUpAsync(server, "cat");
        await cat.FollowAsync(ben);
        var original = await ann.PublishAsync("a paper boat floats down a stream");
        var remix = await ben.PublishAsync("a paper boat floats down a stream at night", remixOf: original);
        var remixOfRemix = await cat.PublishAsync("a paper boat in a storm", remixOf: remix);

        var chain = await cat.VideoAsync(remixOfRemix, "credit remixOf { id } lineage { id creator { handle } }");
        Assert.Equal($"Remix of a video by @{ben.Handle}", chain.GetProperty("credit").GetString());
        Assert.Equal(remix, chain.GetProperty("remixOf").GetProperty("id").GetString());
        Assert.Equal([original, remix], chain.GetProperty("lineage").EnumerateArray().Select(v => v.GetProperty("id").GetString()));
        Assert.Equal(ann.Handle, chain.GetProperty("lineage")[0].GetProperty("creator").GetProperty("handle").GetString());

        var parent = await ann.VideoAsync(original, "remixCount remixes { edges { node { id credit } } }");
        Assert.Equal(1, parent.GetProperty("remixCount").GetInt32());
        Assert.Equal(remix, parent.GetProperty("remixes").GetProperty("edges")[0].GetProperty("node").GetProperty("id").GetString());

        // Ann withdraws the original: it leaves the lineage others see, the remixes stay.
        await ann.Client.DataAsync("mutation($id: ID!) { deleteVideo(id: $id) }", new { id = original });
        var after = await cat.VideoAsync(remixOfRemix, "lineage { id }");
        Assert.Equal([remix], after.GetProperty("lineage").EnumerateArray().Select(v => v.GetProperty("id").GetString()));
        Assert.Equal([remix], await cat.FeedAsync("FOLLOWING"));
    }

    [Fact]
    public async Task Unpublished_and_deleted_videos_leave_the_followers_feeds()
    {
        var ann = await People.SignUpAsync(server, "ann");
        var ben = await People.SignUpAsync(server, "ben");
        var cat = await People.SignUpAsync(server, "cat");
        await ben.FollowAsync(ann);
        await cat.FollowAsync(ann);
        var kept = await ann.PublishAsync("kept");
        var unpublished = await ann.PublishAsync("unpublished");
        var deleted = await ann.PublishAsync("deleted");
        Assert.Equal([deleted, unpublished, kept], await ben.FeedAsync("FOLLOWING"));

        await ann.Client.DataAsync("mutation($id: ID!) { unpublishVideo(id: $id) { status } }", new { id = unpublished });
        await ann.Client.DataAsync("mutation($id: ID!) { deleteVideo(id: $id) }", new { id = deleted });

        foreach (var follower in new[] { ben, cat })
        {
            Assert.Equal([kept], await follower.FeedAsync("FOLLOWING"));
            var forYou = await follower.FeedAsync("FOR_YOU", 100);
            Assert.DoesNotContain(unpublished, forYou);
            Assert.DoesNotContain(deleted, forYou);
        }
        var userVideos = await ben.Client.DataAsync("query($h: String!) { userVideos(handle: $h) { edges { node { id } } } }", new { h = ann.Handle.ToUpperInvariant() });
        Assert.Equal([kept], userVideos.GetProperty("userVideos").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()));
    }

    [Fact]
    public async Task For_you_spreads_creators_apart_and_drops_what_was_viewed()
    {
        var ann = await People.SignUpAsync(server, "ann");
        var ben = await People.SignUpAsync(server, "ben");
        var viewer = await People.SignUpAsync(server, "viewer");
        var annVideos = new List<string>();
        for (var i = 0; i < 4; i++) annVideos.Add(await ann.PublishAsync($"ann video {i}"));
        var benVideo = await ben.PublishAsync("ben video");
        await viewer.Client.DataAsync("mutation($v: ID!) { recordView(videoId: $v) }", new { v = annVideos[0] });

        var data = await viewer.Client.DataAsync("{ feed(kind: FOR_YOU, first: 100) { edges { node { id creator { handle } } } } }");
        var edges = data.GetProperty("feed").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();
        var creators = edges.Select(n => n.GetProperty("creator").GetProperty("handle").GetString()).ToList();

        Assert.DoesNotContain(annVideos[0], edges.Select(n => n.GetProperty("id").GetString()));
        Assert.Contains(benVideo, edges.Select(n => n.GetProperty("id").GetString()));
        for (var i = 1; i < creators.Count; i++) Assert.NotEqual(creators[i - 1], creators[i]);
    }

    [Fact]
    public async Task Pages_of_the_following_feed_join_up_through_their_cursors()
    {
        var ann = await People.SignUpAsync(server, "ann");
        var ben = await People.SignUpAsync(server, "ben");
        await ben.FollowAsync(ann);
        var published = new List<string>();
        for (var i = 0; i < 5; i++) published.Add(await ann.PublishAsync($"clip {i}"));

        var collected = new List<string>();
        string? after = null;
        while (true)
        {
            var data = await ben.Client.DataAsync(
                "query($a: String) { feed(kind: FOLLOWING, first: 2, after: $a) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }", new { a = after });
            var feed = data.GetProperty("feed");
            collected.AddRange(feed.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()!));
            if (!feed.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean()) break;
            after = feed.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }

        published.Reverse();
        Assert.Equal(published, collected);
    }
}
