using Sora.Api.Tests.Infrastructure;

namespace Sora.Api.Tests.Social;

/// <summary>Ben tries every owner-only operation on Ann's things; Ann's things stay as they were.</summary>
public sealed class AuthorizationTests(SoraTestServer server) : IClassFixture<SoraTestServer>
{
    public static TheoryData<string, string> OwnerOnlyOnDraft => new()
    {
        { "mutation($id: ID!) { publishVideo(id: $id, caption: \"mine\") { id } }", "NOT_FOUND" },
        { "mutation($id: ID!) { unpublishVideo(id: $id) { id } }", "NOT_FOUND" },
        { "mutation($id: ID!) { deleteVideo(id: $id) }", "NOT_FOUND" },
        { "mutation($id: ID!) { like(videoId: $id) { id } }", "NOT_FOUND" },
        { "mutation($id: ID!) { comment(videoId: $id, text: \"hi\") { id } }", "NOT_FOUND" },
        { "mutation($id: ID!) { recordView(videoId: $id) }", "NOT_FOUND" },
        { "query($id: ID!) { video(id: $id) { id } }", "NOT_FOUND" },
    };

    public static TheoryData<string, string> OwnerOnlyOnPublished => new()
    {
        { "mutation($id: ID!) { publishVideo(id: $id, caption: \"mine now\") { id } }", "FORBIDDEN" },
        { "mutation($id: ID!) { unpublishVideo(id: $id) { id } }", "FORBIDDEN" },
        { "mutation($id: ID!) { deleteVideo(id: $id) }", "FORBIDDEN" },
    };

    [Theory]
    [MemberData(nameof(OwnerOnlyOnDraft))]
    public async Task Another_persons_draft_cannot_be_touched_and_does_not_even_exist_for_them(string operation, string code)
    {
        var ann = await People.SignUpAsync(server, "ann");
        var ben = await People.SignUpAsync(server, "ben");
        var draft = await ann.DraftAsync();

        var error = await ben.Client.ErrorAsync(operation, new { id = draft });
        var unknown = await ben.Client.ErrorAsync("query($id: ID!) { video(id: $id) { id } }", new { id = "v_" + Guid.NewGuid().ToString("N") });

        Assert.Equal(code, error.Code);
        Assert.Equal(unknown.Message, error.Message);
        var seenByAnn = await ann.VideoAsync(draft, "status caption likeCount commentCount viewCount");
        Assert.Equal("DRAFT", seenByAnn.GetProperty("status").GetString());
        Assert.Equal(0, seenByAnn.GetProperty("likeCount").GetInt32() + seenByAnn.GetProperty("commentCount").GetInt32() + seenByAnn.GetProperty("viewCount").GetInt32());
    }

    [Theory]
    [MemberData(nameof(OwnerOnlyOnPublished))]
    public async Task Another_persons_published_video_cannot_be_changed(string operation, string code)
    {
        var ann = await People.SignUpAsync(server, "ann");
        var ben = await People.SignUpAsync(server, "ben");
        var video = await ann.PublishAsync(caption: "ann's caption");

        var error = await ben.Client.ErrorAsync(operation, new { id = video });

        Assert.Equal(code, error.Code);
        var seenByAnn = await ann.VideoAsync(video, "status caption");
        Assert.Equal(("PUBLISHED", "ann's caption"), (seenByAnn.GetProperty("status").GetString(), seenByAnn.GetProperty("caption").GetString()));
    }

    [Fact]
    public async Task Only_the_author_or_the_videos_creator_may_delete_a_comment()
    {
        var ann = await People.SignUpAsync(server, "ann");
        var ben = await People.SignUpAsync(server, "ben");
        var cat = await People.SignUpAsync(server, "cat");
        var video = await ann.PublishAsync();
        var annComment = (await ann.Client.DataAsync("mutation($v: ID!) { comment(videoId: $v, text: \"first\") { id } }", new { v = video })).GetProperty("comment").GetProperty("id").GetString();
        var catComment = (await cat.Client.DataAsync("mutation($v: ID!) { comment(videoId: $v, text: \"second\") { id } }", new { v = video })).GetProperty("comment").GetProperty("id").GetString();
        const string delete = "mutation($v: ID!, $c: ID!) { deleteComment(videoId: $v, commentId: $c) }";

        Assert.Equal("FORBIDDEN", (await ben.Client.ErrorAsync(delete, new { v = video, c = annComment })).Code);
        Assert.Equal("FORBIDDEN", (await ben.Client.ErrorAsync(delete, new { v = video, c = catComment })).Code);
        Assert.Equal(2, (await ann.VideoAsync(video)).GetProperty("commentCount").GetInt32());

        await ann.Client.DataAsync(delete, new { v = video, c = catComment });
        Assert.Equal(1, (await ann.VideoAsync(video)).GetProperty("commentCount").GetInt32());
    }

    [Fact]
    public async Task Another_persons_draft_cannot_be_remixed_and_reads_like_an_unknown_video()
    {
        var ann = await People.SignUpAsync(server, "ann");
        var ben = await People.SignUpAsync(server, "ben");
        var draft = await ann.DraftAsync();

        var refusal = await ben.DraftRefusalAsync("my take", remixOf: draft);
        var unknown = await ben.DraftRefusalAsync("my take", remixOf: "v_" + Guid.NewGuid().ToString("N"));

        Assert.Equal(("NOT_FOUND", unknown.Message), refusal);
        Assert.Equal(0, (await ann.VideoAsync(draft, "remixCount")).GetProperty("remixCount").GetInt32());
    }

    [Fact]
    public async Task A_creator_may_remix_their_own_draft_and_others_never_learn_the_draft_exists()
    {
        var ann = await People.SignUpAsync(server, "ann");
        var ben = await People.SignUpAsync(server, "ben");
        var draft = await ann.DraftAsync("a kite in the wind");
        var remix = await ann.PublishAsync("a kite in a storm", remixOf: draft);

        var seenByAnn = await ann.VideoAsync(remix, "remixOf { id } lineage { id }");
        Assert.Equal(draft, seenByAnn.GetProperty("remixOf").GetProperty("id").GetString());
        Assert.Equal([draft], seenByAnn.GetProperty("lineage").EnumerateArray().Select(v => v.GetProperty("id").GetString()));

        var seenByBen = await ben.VideoAsync(remix, "remixOf { id } lineage { id }");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, seenByBen.GetProperty("remixOf").ValueKind);
        Assert.Equal(0, seenByBen.GetProperty("lineage").GetArrayLength());
    }

    [Fact]
    public async Task Remixing_is_refused_once_the_creator_turns_it_off_but_they_may_still_remix_their_own()
    {
        var ann = await People.SignUpAsync(server, "ann");
        var ben = await People.SignUpAsync(server, "ben");
        var video = await ann.PublishAsync();
        await ann.Client.DataAsync("mutation { updateProfile(allowRemixes: false) { allowRemixes } }");

        var (code, message) = await ben.DraftRefusalAsync("mine", remixOf: video);

        Assert.Equal("FORBIDDEN", code);
        Assert.Contains(ann.Handle, message);
        var own = await ann.DraftAsync("my own sequel", remixOf: video);
        Assert.Equal(video, (await ann.VideoAsync(own, "remixOf { id }")).GetProperty("remixOf").GetProperty("id").GetString());

        await ann.Client.DataAsync("mutation { updateProfile(allowRemixes: true) { allowRemixes } }");
        await ben.DraftAsync("mine after all", remixOf: video);
    }

    [Fact]
    public async Task A_blocked_person_cannot_see_follow_comment_on_or_remix_the_blockers_videos()
    {
        var ann = await People.SignUpAsync(server, "ann");
        var ben = await People.SignUpAsync(server, "ben");
        await ben.FollowAsync(ann);
        var video = await ann.PublishAsync();
        var bensVideo = await ben.PublishAsync();
        await ann.Client.DataAsync("mutation($h: String!) { block(handle: $h) { handle } }", new { h = ben.Handle });

        Assert.Equal("NOT_FOUND", (await ben.Client.ErrorAsync("query($id: ID!) { video(id: $id) { id } }", new { id = video })).Code);
        Assert.Equal("FORBIDDEN", (await ben.Client.ErrorAsync("mutation($h: String!) { follow(handle: $h) { handle } }", new { h = ann.Handle })).Code);
        Assert.Equal("NOT_FOUND", (await ben.Client.ErrorAsync("mutation($id: ID!) { comment(videoId: $id, text: \"hi\") { id } }", new { id = video })).Code);
        Assert.Equal("NOT_FOUND", (await ben.Client.ErrorAsync("mutation($id: ID!) { like(videoId: $id) { id } }", new { id = video })).Code);
        Assert.Equal("NOT_FOUND", (await ben.DraftRefusalAsync("x", remixOf: video)).Code);
        Assert.Empty(await ben.FeedAsync("FOLLOWING"));
        Assert.DoesNotContain(video, await ben.FeedAsync("FOR_YOU", 100));
        var listed = await ben.Client.DataAsync("query($h: String!) { userVideos(handle: $h) { edges { node { id } } } }", new { h = ann.Handle });
        Assert.Equal(0, listed.GetProperty("userVideos").GetProperty("edges").GetArrayLength());

        // The block hides both ways: Ann no longer sees Ben's videos either.
        Assert.Equal("NOT_FOUND", (await ann.Client.ErrorAsync("query($id: ID!) { video(id: $id) { id } }", new { id = bensVideo })).Code);
        Assert.DoesNotContain(bensVideo, await ann.FeedAsync("FOR_YOU", 100));

        // Lifting the block restores what was hidden, but not the follow it cut.
        await ann.Client.DataAsync("mutation($h: String!) { unblock(handle: $h) { handle } }", new { h = ben.Handle });
        await ben.VideoAsync(video, "id");
        Assert.Empty(await ben.FeedAsync("FOLLOWING"));
    }

    [Theory]
    [InlineData("mutation { updateProfile(displayName: \"x\") { id } }")]
    [InlineData("mutation { follow(handle: \"someone\") { id } }")]
    [InlineData("mutation { like(videoId: \"v_00000000000000000000000000000000\") { id } }")]
    [InlineData("{ feed(kind: FOLLOWING) { edges { cursor } } }")]
    public async Task Signed_out_callers_are_told_to_sign_in(string operation)
    {
        var error = await new GraphQLClient(server.GraphQLUrl).ErrorAsync(operation);
        Assert.Equal("UNAUTHENTICATED", error.Code);
    }

    [Fact]
    public async Task Signed_out_callers_get_no_live_feed()
    {
        var result = await NodeProbe.RunAsync(new { kind = "subscribe", url = server.WebSocketUrl, query = "subscription { feedUpdates { videoId } }" });
        var errors = result.GetProperty("error");
        Assert.Equal("UNAUTHENTICATED", errors[0].GetProperty("extensions").GetProperty("code").GetString());
    }
}
