using System.Text.Json;
using Sora.Api.Tests.Infrastructure;
using Sora.Api.Tests.Social;

namespace Sora.Api.Tests.Generation;

/// <summary>myGenerations and myDrafts: a person finds their own jobs and drafts again, and nobody else's.</summary>
public sealed class OwnWorkApiTests(SoraTestServer server) : IClassFixture<SoraTestServer>
{
    private const string Generations = "query($first: Int, $after: String) { myGenerations(first: $first, after: $after) { " +
        "edges { cursor node { id status video { id } } } pageInfo { hasNextPage hasPreviousPage endCursor } } }";
    private const string Drafts = "query($first: Int, $after: String) { myDrafts(first: $first, after: $after) { " +
        "edges { cursor node { id status } } pageInfo { hasNextPage hasPreviousPage endCursor } } }";

    [Fact]
    public async Task A_person_lists_their_generations_newest_first_with_what_became_of_each()
    {
        var ann = await People.SignUpAsync(server, "ann");
        var ben = await People.SignUpAsync(server, "ben");
        var first = await ann.GenerateAsync("a red ball rolls across the floor");
        var second = await ann.GenerateAsync("a paper boat floats on a pond");
        // Twenty seconds at 1280×720 take the engine far longer than the cancel takes to arrive.
        var cancelled = await ann.CreateAsync("a kite flies over the hill", seconds: 20, size: "1280x720");
        await ann.Client.DataAsync("mutation($id: ID!) { cancelGeneration(id: $id) { id } }", new { id = cancelled });

        var listed = Nodes(await ListAsync(ann, Generations, "myGenerations"));

        Assert.Equal([cancelled, second.Id, first.Id], listed.Select(n => n.GetProperty("id").GetString()));
        Assert.Equal(["CANCELLED", "READY", "READY"], listed.Select(n => n.GetProperty("status").GetString()));
        Assert.Equal(JsonValueKind.Null, listed[0].GetProperty("video").ValueKind);
        Assert.Equal(second.VideoId, listed[1].GetProperty("video").GetProperty("id").GetString());
        Assert.Empty(Nodes(await ListAsync(ben, Generations, "myGenerations")));
    }

    [Fact]
    public async Task Drafts_are_listed_until_published_and_again_once_unpublished()
    {
        var ann = await People.SignUpAsync(server, "ann");
        var older = await ann.GenerateAsync("a glass falls off a table");
        var newer = await ann.GenerateAsync("a dog runs to the lake");

        Assert.Equal([newer.VideoId, older.VideoId], Ids(await ListAsync(ann, Drafts, "myDrafts")));

        await ann.Client.DataAsync("mutation($id: ID!) { publishVideo(id: $id) { id } }", new { id = newer.VideoId });
        Assert.Equal([older.VideoId], Ids(await ListAsync(ann, Drafts, "myDrafts")));

        await ann.Client.DataAsync("mutation($id: ID!) { unpublishVideo(id: $id) { id } }", new { id = newer.VideoId });
        await ann.Client.DataAsync("mutation($id: ID!) { deleteVideo(id: $id) }", new { id = older.VideoId });
        var drafts = Nodes(await ListAsync(ann, Drafts, "myDrafts"));
        Assert.Equal([newer.VideoId], drafts.Select(n => n.GetProperty("id").GetString()));
        Assert.Equal("DRAFT", drafts[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Pages_follow_their_cursors_and_another_persons_cursor_shows_nothing()
    {
        var ann = await People.SignUpAsync(server, "ann");
        var older = await ann.GenerateAsync("a bell rings in a tower");
        var newer = await ann.GenerateAsync("a leaf falls into a stream");

        var page1 = await ListAsync(ann, Drafts, "myDrafts", first: 1);
        var page2 = await ListAsync(ann, Drafts, "myDrafts", first: 1, after: EndCursor(page1));

        Assert.Equal([newer.VideoId], Ids(page1));
        Assert.True(page1.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.False(page1.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        Assert.Equal([older.VideoId], Ids(page2));
        Assert.False(page2.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.True(page2.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        var generations = await ListAsync(ann, Generations, "myGenerations", first: 1, after: EndCursor(page1));
        Assert.Equal([older.Id], Nodes(generations).Select(n => n.GetProperty("id").GetString()));

        var ben = await People.SignUpAsync(server, "ben");
        await ben.GenerateAsync("a bell rings in a tower");
        var foreign = await ListAsync(ben, Drafts, "myDrafts", first: 1, after: EndCursor(page1));
        Assert.Empty(Nodes(foreign));
        Assert.False(foreign.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        var error = await ann.Client.ErrorAsync(Generations, new { first = 1, after = "not-a-cursor" });
        Assert.Equal(("BAD_USER_INPUT", "after"), (error.Code, error.Field));
        error = await ann.Client.ErrorAsync(Generations, new { first = 101 });
        Assert.Equal(("BAD_USER_INPUT", "first"), (error.Code, error.Field));
    }

    [Fact]
    public async Task Signing_in_is_required()
    {
        var anonymous = new GraphQLClient(server.GraphQLUrl);

        Assert.Equal("UNAUTHENTICATED", (await anonymous.ErrorAsync(Generations)).Code);
        Assert.Equal("UNAUTHENTICATED", (await anonymous.ErrorAsync(Drafts)).Code);
    }

    private static async Task<JsonElement> ListAsync(Person person, string query, string field, int first = 20, string? after = null) =>
        (await person.Client.DataAsync(query, new { first, after })).GetProperty(field);

    private static List<JsonElement> Nodes(JsonElement connection) =>
        [.. connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node"))];

    private static List<string?> Ids(JsonElement connection) => [.. Nodes(connection).Select(n => n.GetProperty("id").GetString())];

    private static string EndCursor(JsonElement connection) => connection.GetProperty("pageInfo").GetProperty("endCursor").GetString()!;
}
