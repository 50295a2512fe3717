using System.Text.Json;
using Sora.Api.Tests.Infrastructure;
using Sora.Api.Tests.Social;

namespace Sora.Api.Tests.Generation;

/// <summary>A video's prompt is its creator's unless they share it (createVideo's sharePrompt), published or not.</summary>
public sealed class PromptPrivacyTests(SoraTestServer server) : IClassFixture<SoraTestServer>
{
    private const string Video = "query($id: ID!) { video(id: $id) { prompt } }";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Others_see_the_prompt_of_a_published_video_only_if_its_creator_shared_it(bool shared)
    {
        var ann = await People.SignUpAsync(server, "ann");
        var ben = await People.SignUpAsync(server, "ben");
        const string prompt = "a paper boat floats on a pond";
        var generation = await ann.WaitAsync(await ann.CreateAsync(prompt, sharePrompt: shared));
        var video = generation.GetProperty("video").GetProperty("id").GetString()!;
        await ann.Client.DataAsync("mutation($id: ID!) { publishVideo(id: $id) { id } }", new { id = video });

        Assert.Equal(prompt, await PromptAsync(ann.Client, video));
        foreach (var other in new[] { ben.Client, new GraphQLClient(server.GraphQLUrl) })
            Assert.Equal(shared ? prompt : null, await PromptAsync(other, video));
        // Lists read published videos from the silo's shared views, which hold the prompt for the creator alone.
        Assert.Equal(shared ? prompt : null, await ListedPromptAsync(ben.Client, ann.Handle));
        Assert.Equal(prompt, await ListedPromptAsync(ann.Client, ann.Handle));
    }

    private static async Task<string?> ListedPromptAsync(GraphQLClient client, string handle)
    {
        var page = await client.DataAsync("query($h: String!) { userVideos(handle: $h, first: 5) { edges { node { prompt } } } }", new { h = handle });
        return Assert.Single(page.GetProperty("userVideos").GetProperty("edges").EnumerateArray()).GetProperty("node").GetProperty("prompt").GetString();
    }

    private static async Task<string?> PromptAsync(GraphQLClient client, string video)
    {
        var prompt = (await client.DataAsync(Video, new { id = video })).GetProperty("video").GetProperty("prompt");
        return prompt.ValueKind == JsonValueKind.Null ? null : prompt.GetString();
    }
}
