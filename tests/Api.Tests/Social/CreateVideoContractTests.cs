using Sora.Api.Tests.Infrastructure;

namespace Sora.Api.Tests.Social;

/// <summary>
/// What the social core asks of the <c>createVideo</c> mutation (the generation pipeline's entry): who may call it,
/// prompt limits, and remix rules checked before any job is queued. Every other social test makes its drafts through
/// the VideoGrain seam (<see cref="People.DraftAsync"/>); the pipeline's own tests are in <c>Generation/</c>.
/// </summary>
public sealed class CreateVideoContractTests(SoraTestServer server) : IClassFixture<SoraTestServer>
{
    private const string Create = "mutation($p: String!, $r: ID) { createVideo(input: { prompt: $p, remixOf: $r, seconds: 1, size: \"640x360\" }) { id } }";

    [Fact]
    public async Task Signed_out_callers_cannot_create_videos()
    {
        var error = await new GraphQLClient(server.GraphQLUrl).ErrorAsync(Create, new { p = "x", r = (string?)null });
        Assert.Equal("UNAUTHENTICATED", error.Code);
    }

    [Theory]
    [InlineData(2001)]
    [InlineData(0)]
    public async Task A_prompt_must_be_1_to_2000_characters(int length)
    {
        var ann = await People.SignUpAsync(server, "ann");
        await ann.Client.DataAsync(Create, new { p = new string('x', 2000), r = (string?)null });
        var error = await ann.Client.ErrorAsync(Create, new { p = length == 0 ? "   " : new string('x', length), r = (string?)null });
        Assert.Equal(("BAD_USER_INPUT", "prompt"), (error.Code, error.Field));
    }

    [Theory]
    [InlineData("v_00000000000000000000000000000000")]
    [InlineData("not-an-id")]
    public async Task Remixing_an_unknown_or_foreign_draft_is_not_found_alike(string unknownId)
    {
        var ann = await People.SignUpAsync(server, "ann");
        var ben = await People.SignUpAsync(server, "ben");
        var draft = await ann.DraftAsync();

        var foreign = await ben.Client.ErrorAsync(Create, new { p = "mine", r = draft });
        var unknown = await ben.Client.ErrorAsync(Create, new { p = "mine", r = unknownId });

        Assert.Equal(("NOT_FOUND", unknown.Message), (foreign.Code, foreign.Message));
        Assert.Equal("NOT_FOUND", unknown.Code);
    }

    [Fact]
    public async Task Remixing_is_refused_when_the_creator_turned_it_off()
    {
        var ann = await People.SignUpAsync(server, "ann");
        var ben = await People.SignUpAsync(server, "ben");
        var video = await ann.PublishAsync();
        await ann.Client.DataAsync("mutation { updateProfile(allowRemixes: false) { allowRemixes } }");

        var error = await ben.Client.ErrorAsync(Create, new { p = "mine", r = video });

        Assert.Equal("FORBIDDEN", error.Code);
        Assert.Contains(ann.Handle, error.Message);
    }
}
