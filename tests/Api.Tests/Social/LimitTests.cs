using Sora.Api.Tests.Infrastructure;

namespace Sora.Api.Tests.Social;

/// <summary>Every named limit answers BAD_USER_INPUT naming the field; unknown ids answer NOT_FOUND.</summary>
public sealed class LimitTests(SoraTestServer server) : IClassFixture<SoraTestServer>
{
    private static string Long(int length) => new('x', length);

    public static TheoryData<string, string> SignUpLimits => new()
    {
        { "ab", "handle" },
        { Long(31), "handle" },
        { "has space", "handle" },
        { "ümlaut", "handle" },
        { "dash-ed", "handle" },
    };

    [Theory]
    [MemberData(nameof(SignUpLimits))]
    public async Task Bad_handles_are_refused(string handle, string field)
    {
        var error = await new GraphQLClient(server.GraphQLUrl).ErrorAsync(
            "mutation($h: String!) { signUp(handle: $h, password: \"long enough password\", displayName: \"X\") { token } }", new { h = handle });
        Assert.Equal(("BAD_USER_INPUT", field), (error.Code, error.Field));
    }

    [Fact]
    public async Task Handles_of_3_and_30_characters_with_dots_and_underscores_pass_and_a_password_needs_10()
    {
        var client = new GraphQLClient(server.GraphQLUrl);
        const string signUp = "mutation($h: String!, $p: String!) { signUp(handle: $h, password: $p, displayName: \"Edge\") { user { handle } } }";
        var unique = Guid.NewGuid().ToString("N");
        var shortest = "a" + unique[..2];
        var longest = ("b." + unique + "_xyz")[..30];

        foreach (var handle in new[] { shortest, longest })
        {
            var data = await client.DataAsync(signUp, new { h = handle.ToUpperInvariant(), p = "ten chars!" });
            Assert.Equal(handle, data.GetProperty("signUp").GetProperty("user").GetProperty("handle").GetString());
        }
        var error = await client.ErrorAsync(signUp, new { h = People.NewHandle("pw"), p = "nine char" });
        Assert.Equal(("BAD_USER_INPUT", "password"), (error.Code, error.Field));
    }

    [Theory]
    [InlineData("short", "X", "password")]
    [InlineData("long enough password", "", "displayName")]
    [InlineData("long enough password", "fifty-one characters are one too many for this name", "displayName")]
    public async Task Bad_passwords_and_display_names_are_refused_and_the_handle_stays_free(string password, string displayName, string field)
    {
        var handle = People.NewHandle("limit");
        var client = new GraphQLClient(server.GraphQLUrl);
        const string signUp = "mutation($h: String!, $p: String!, $d: String!) { signUp(handle: $h, password: $p, displayName: $d) { token } }";

        var error = await client.ErrorAsync(signUp, new { h = handle, p = password, d = displayName });

        Assert.Equal(("BAD_USER_INPUT", field), (error.Code, error.Field));
        await client.DataAsync(signUp, new { h = handle, p = "long enough password", d = "Fine" });
    }

    [Fact]
    public async Task Exact_limits_pass_and_one_more_fails()
    {
        var ann = await People.SignUpAsync(server, "ann");
        var ben = await People.SignUpAsync(server, "ben");
        var video = await ann.PublishAsync();

        async Task Check(string query, object okVariables, object badVariables, string field)
        {
            await ann.Client.DataAsync(query, okVariables);
            var error = await ann.Client.ErrorAsync(query, badVariables);
            Assert.Equal(("BAD_USER_INPUT", field), (error.Code, error.Field));
        }

        await Check("mutation($b: String) { updateProfile(bio: $b) { id } }", new { b = Long(300) }, new { b = Long(301) }, "bio");
        await Check("mutation($d: String) { updateProfile(displayName: $d) { id } }", new { d = Long(50) }, new { d = Long(51) }, "displayName");
        await Check("mutation($id: ID!, $c: String) { publishVideo(id: $id, caption: $c) { id } }", new { id = video, c = Long(500) }, new { id = video, c = Long(501) }, "caption");
        await Check("mutation($id: ID!, $t: String!) { comment(videoId: $id, text: $t) { id } }", new { id = video, t = Long(1000) }, new { id = video, t = Long(1001) }, "text");
        await Check("mutation($id: ID!, $t: String!) { comment(videoId: $id, text: $t) { id } }", new { id = video, t = "ok" }, new { id = video, t = "" }, "text");
        await Check("mutation($h: String!) { follow(handle: $h) { id } }", new { h = ben.Handle }, new { h = "x" }, "handle");
    }

    [Fact]
    public async Task Words_for_others_to_read_hold_no_control_characters_and_line_breaks_only_where_text_has_lines()
    {
        var ann = await People.SignUpAsync(server, "ann");
        var video = await ann.PublishAsync();

        async Task Check(string query, object okVariables, object badVariables, string field)
        {
            await ann.Client.DataAsync(query, okVariables);
            var error = await ann.Client.ErrorAsync(query, badVariables);
            Assert.Equal(("BAD_USER_INPUT", field), (error.Code, error.Field));
        }

        await Check("mutation($d: String) { updateProfile(displayName: $d) { id } }", new { d = "Ann B." }, new { d = "\u001b[31mAnn" }, "displayName");
        await Check("mutation($d: String) { updateProfile(displayName: $d) { id } }", new { d = "Ann B." }, new { d = "Ann\nB." }, "displayName");
        await Check("mutation($d: String) { updateProfile(displayName: $d) { id } }", new { d = "Ann B." }, new { d = "Ann\u202Eevil" }, "displayName");
        var crlf = await ann.Client.DataAsync("mutation($b: String) { updateProfile(bio: $b) { bio } }", new { b = "boats\r\nand\tsails" });
        Assert.Equal("boats\nand sails", crlf.GetProperty("updateProfile").GetProperty("bio").GetString());
        await Check("mutation($b: String) { updateProfile(bio: $b) { id } }", new { b = "makes boats\nand sails" }, new { b = "nul\u0000" }, "bio");
        await Check("mutation($id: ID!, $c: String) { publishVideo(id: $id, caption: $c) { id } }", new { id = video, c = "a boat" }, new { id = video, c = "hello\u0007" }, "caption");
        await Check("mutation($id: ID!, $t: String!) { comment(videoId: $id, text: $t) { id } }", new { id = video, t = "nice\nboat" }, new { id = video, t = "esc\u001b[2J" }, "text");
        var error = await new GraphQLClient(server.GraphQLUrl).ErrorAsync(
            "mutation($h: String!, $d: String!) { signUp(handle: $h, password: \"long enough password\", displayName: $d) { token } }",
            new { h = People.NewHandle("ctl"), d = "\u0000" });
        Assert.Equal(("BAD_USER_INPUT", "displayName"), (error.Code, error.Field));
    }

    [Fact]
    public async Task A_refused_profile_change_changes_nothing()
    {
        var ann = await People.SignUpAsync(server, "ann");
        await ann.Client.DataAsync("mutation { updateProfile(displayName: \"Ann\", bio: \"makes boats\") { id } }");

        var error = await ann.Client.ErrorAsync("mutation($b: String) { updateProfile(displayName: \"Mallory\", bio: $b) { id } }", new { b = Long(301) });

        Assert.Equal(("BAD_USER_INPUT", "bio"), (error.Code, error.Field));
        var seen = await new GraphQLClient(server.GraphQLUrl).DataAsync("query($h: String!) { user(handle: $h) { displayName bio } }", new { h = ann.Handle });
        Assert.Equal("Ann", seen.GetProperty("user").GetProperty("displayName").GetString());
        Assert.Equal("makes boats", seen.GetProperty("user").GetProperty("bio").GetString());
    }

    [Theory]
    [InlineData("{ feed(kind: FOR_YOU, first: 101) { edges { cursor } } }")]
    [InlineData("{ feed(kind: FOLLOWING, first: 0) { edges { cursor } } }")]
    [InlineData("{ feed(kind: FOLLOWING, first: -5) { edges { cursor } } }")]
    [InlineData("query($h: String!) { userVideos(handle: $h, first: 101) { edges { cursor } } }")]
    [InlineData("query($h: String!) { user(handle: $h) { videos(first: 1000) { edges { cursor } } } }")]
    public async Task Pages_are_at_most_100_items(string query)
    {
        var ann = await People.SignUpAsync(server, "ann");
        var error = await ann.Client.ErrorAsync(query, new { h = ann.Handle });
        Assert.Equal(("BAD_USER_INPUT", "first"), (error.Code, error.Field));
    }

    [Fact]
    public async Task Comment_and_remix_pages_are_at_most_100_items_too()
    {
        var ann = await People.SignUpAsync(server, "ann");
        var video = await ann.PublishAsync();
        foreach (var list in new[] { "comments", "remixes" })
        {
            var error = await ann.Client.ErrorAsync($"query($id: ID!) {{ video(id: $id) {{ {list}(first: 101) {{ edges {{ cursor }} }} }} }}", new { id = video });
            Assert.Equal(("BAD_USER_INPUT", "first"), (error.Code, error.Field));
        }
    }

    [Theory]
    [InlineData("FOLLOWING", "bm90IGEgY3Vyc29y")]
    [InlineData("FOR_YOU", "%%%")]
    [InlineData("FOLLOWING", "cjphYmM6MQ")]
    public async Task A_cursor_that_is_not_ours_is_bad_input(string kind, string after)
    {
        var ann = await People.SignUpAsync(server, "ann");
        var error = await ann.Client.ErrorAsync("query($k: FeedKind!, $a: String) { feed(kind: $k, after: $a) { edges { cursor } } }", new { k = kind, a = after });
        Assert.Equal(("BAD_USER_INPUT", "after"), (error.Code, error.Field));
    }

    [Theory]
    [InlineData("v_00000000000000000000000000000000")]
    [InlineData("not-an-id")]
    [InlineData("")]
    public async Task Unknown_video_ids_are_not_found(string id)
    {
        var ann = await People.SignUpAsync(server, "ann");
        foreach (var operation in new[]
        {
            "query($id: ID!) { video(id: $id) { id } }",
            "mutation($id: ID!) { like(videoId: $id) { id } }",
            "mutation($id: ID!) { publishVideo(id: $id) { id } }",
            "mutation($id: ID!) { comment(videoId: $id, text: \"hi\") { id } }",
            "mutation($id: ID!) { recordView(videoId: $id) }",
        })
            Assert.Equal("NOT_FOUND", (await ann.Client.ErrorAsync(operation, new { id })).Code);
    }

    [Fact]
    public async Task Unknown_handles_are_not_found()
    {
        var ann = await People.SignUpAsync(server, "ann");
        Assert.Equal("NOT_FOUND", (await ann.Client.ErrorAsync("query($h: String!) { user(handle: $h) { id } }", new { h = People.NewHandle("ghost") })).Code);
        Assert.Equal("NOT_FOUND", (await ann.Client.ErrorAsync("mutation($h: String!) { follow(handle: $h) { id } }", new { h = People.NewHandle("ghost") })).Code);
    }
}
