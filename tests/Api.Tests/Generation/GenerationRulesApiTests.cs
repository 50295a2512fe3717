using Sora.Api.Tests.Infrastructure;
using Sora.Api.Tests.Social;

namespace Sora.Api.Tests.Generation;

/// <summary>What createVideo refuses, and who may see a generation and its media.</summary>
public sealed class GenerationRulesApiTests(SoraTestServer server) : IClassFixture<SoraTestServer>
{
    private const string Create = "mutation($i: CreateVideoInput!) { createVideo(input: $i) { id } }";

    [Theory]
    [InlineData("", 1, "640x360", 24, "BAD_USER_INPUT", "prompt")]
    [InlineData("a\u0007bell", 1, "640x360", 24, "BAD_USER_INPUT", "prompt")]
    [InlineData("a ball", 0.5, "640x360", 24, "BAD_USER_INPUT", "seconds")]
    [InlineData("a ball", 21, "640x360", 24, "BAD_USER_INPUT", "seconds")]
    [InlineData("a ball", 1, "999x999", 24, "BAD_USER_INPUT", "size")]
    [InlineData("a ball", 1, "big", 24, "BAD_USER_INPUT", "size")]
    [InlineData("a ball", 1, "640x360", 25, "BAD_USER_INPUT", "fps")]
    [InlineData("a " + SoraTestServer.BlockedTerm + " on the beach", 1, "640x360", 24, "POLICY_VIOLATION", null)]
    public async Task Bad_input_is_refused_with_the_field_named(string prompt, double seconds, string size, int fps, string code, string? field)
    {
        var ann = await People.SignUpAsync(server, "ann");

        var error = await ann.Client.ErrorAsync(Create, new { i = new { prompt, seconds, size, fps } });

        Assert.Equal(code, error.Code);
        if (field is not null) Assert.Equal(field, error.Field);
    }

    [Fact]
    public async Task A_prompt_over_2000_characters_is_refused_and_2000_are_accepted()
    {
        var ann = await People.SignUpAsync(server, "ann");

        var error = await ann.Client.ErrorAsync(Create, new { i = new { prompt = new string('a', 2001), seconds = 1, size = "640x360" } });

        Assert.Equal(("BAD_USER_INPUT", "prompt"), (error.Code, error.Field));
        var accepted = await ann.CreateAsync(new string('b', 2000));
        var cancelled = await ann.Client.DataAsync("mutation($id: ID!) { cancelGeneration(id: $id) { status } }", new { id = accepted });
        Assert.Equal("CANCELLED", cancelled.GetProperty("cancelGeneration").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Cameos_need_consent_until_the_cameo_feature_exists()
    {
        var ann = await People.SignUpAsync(server, "ann");

        var error = await ann.Client.ErrorAsync(Create, new { i = new { prompt = "me on the beach", seconds = 1, size = "640x360", cameoIds = new[] { "c_123" } } });

        Assert.Equal("CONSENT_REQUIRED", error.Code);
    }

    [Fact]
    public async Task Signing_in_is_required()
    {
        var anonymous = new GraphQLClient(server.GraphQLUrl);

        var error = await anonymous.ErrorAsync(Create, new { i = new { prompt = "a ball", seconds = 1, size = "640x360" } });

        Assert.Equal("UNAUTHENTICATED", error.Code);
    }

    [Fact]
    public async Task A_retried_createVideo_with_the_same_client_mutation_id_is_the_same_generation()
    {
        var ann = await People.SignUpAsync(server, "ann");
        var ben = await People.SignUpAsync(server, "ben");

        var first = await ann.CreateAsync("a kite flies over the hill", clientMutationId: "tap-1");
        var retry = await ann.CreateAsync("a kite flies over the hill", clientMutationId: "tap-1");
        var other = await ann.CreateAsync("a kite flies over the hill", clientMutationId: "tap-2");
        var bens = await ben.CreateAsync("a kite flies over the hill", clientMutationId: "tap-1");

        Assert.Equal(first, retry);
        Assert.NotEqual(first, other);
        Assert.NotEqual(first, bens);
        Assert.Equal("READY", (await ann.WaitAsync(first)).GetProperty("status").GetString());
        Assert.Equal(1, (await ann.GetAsync(first)).GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task Media_names_a_generation_does_not_have_are_not_found_and_leave_nothing_behind()
    {
        var ann = await People.SignUpAsync(server, "ann");
        var id = await ann.CreateAsync("a glass falls off a table");
        var video = (await ann.WaitAsync(id)).GetProperty("video");
        var folder = Path.Combine(server.DataDirectory, "media", "generations", id);
        var before = Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order().ToList();

        foreach (var path in new[] { "1/A.m4s", "1/a%20b.m4s", "1/...m4s", "1/.m4s", "1/..%2F..%2Fkeys%2Fx.m4s", "999/0000.m4s", "0/0000.m4s", "-1/0000.m4s", "1/0000.mp4", "1/" + new string('1', 200) + ".m4s" })
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await ann.FetchAsync(server, $"/media/generations/{id}/{path}")).StatusCode);

        Assert.Equal(before, Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order());
        // HEAD answers what GET would, without the bytes.
        using var http = new HttpClient();
        using var head = new HttpRequestMessage(HttpMethod.Head, server.BaseUrl + video.GetProperty("media").GetProperty("url").GetString());
        head.Headers.Authorization = new("Bearer", ann.Token);
        using var response = await http.SendAsync(head);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Content.Headers.ContentLength > 1000, $"Content-Length {response.Content.Headers.ContentLength}");
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Someone_elses_generation_and_its_media_are_not_found()
    {
        var ann = await People.SignUpAsync(server, "ann");
        var ben = await People.SignUpAsync(server, "ben");
        var id = await ann.CreateAsync("a glass falls off a table");
        var done = await ann.WaitAsync(id);
        var video = done.GetProperty("video");

        Assert.Equal("NOT_FOUND", (await ben.Client.ErrorAsync("query($id: ID!) { generation(id: $id) { id } }", new { id })).Code);
        Assert.Equal("NOT_FOUND", (await ben.Client.ErrorAsync("mutation($id: ID!) { cancelGeneration(id: $id) { id } }", new { id })).Code);
        Assert.Equal("NOT_FOUND", (await ann.Client.ErrorAsync("query { generation(id: \"nope\") { id } }")).Code);
        var init = $"/media/generations/{id}/1/init.mp4";
        Assert.Equal(System.Net.HttpStatusCode.OK, (await ann.FetchAsync(server, init)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await ben.FetchAsync(server, init)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await ((Person?)null).FetchAsync(server, init)).StatusCode);
        // A draft's file is its owner's until it is published.
        var url = video.GetProperty("media").GetProperty("url").GetString()!;
        Assert.Equal(System.Net.HttpStatusCode.OK, (await ann.FetchAsync(server, url)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await ben.FetchAsync(server, url)).StatusCode);
        await ann.Client.DataAsync("mutation($id: ID!) { publishVideo(id: $id) { status } }", new { id = video.GetProperty("id").GetString() });
        Assert.Equal(System.Net.HttpStatusCode.OK, (await ben.FetchAsync(server, url)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await ((Person?)null).FetchAsync(server, url)).StatusCode);
    }
}
