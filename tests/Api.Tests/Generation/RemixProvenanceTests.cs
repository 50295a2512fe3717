using Sora.Api.Tests.Infrastructure;
using Sora.Api.Tests.Social;
using Sora.Media.Provenance;

namespace Sora.Api.Tests.Generation;

/// <summary>A remix made through the pipeline records its parent in the video and in its signed C2PA manifest.</summary>
public sealed class RemixProvenanceTests(SoraTestServer server) : IClassFixture<SoraTestServer>
{
    [Fact]
    public async Task A_remix_carries_its_parent_as_a_parentOf_ingredient_and_credits_its_creator()
    {
        var ann = await People.SignUpAsync(server, "ann");
        var ben = await People.SignUpAsync(server, "ben");
        var parent = await ann.GenerateDraftAsync("a red ball bounces on the beach");
        await ann.Client.DataAsync("mutation($id: ID!) { publishVideo(id: $id) { status } }", new { id = parent });

        var remix = await ben.GenerateDraftAsync("the ball bounces into the sea", remixOf: parent);

        var view = await ben.VideoAsync(remix, "remixOf { id } credit media { url }");
        Assert.Equal(parent, view.GetProperty("remixOf").GetProperty("id").GetString());
        Assert.Contains(ann.Handle, view.GetProperty("credit").GetString());
        var file = Path.Combine(server.DataDirectory, "remix.mp4");
        var response = await ben.FetchAsync(server, view.GetProperty("media").GetProperty("url").GetString()!);
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        var manifest = C2paReader.Verify(file);
        Assert.True(manifest.Valid, string.Join("; ", manifest.Failures));
        Assert.Contains(manifest.Ingredients, i => i.StartsWith("parentOf", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_prompt_is_in_the_signed_manifest_only_when_the_creator_shares_it()
    {
        var ann = await People.SignUpAsync(server, "ann");
        const string shared = "a zebra named quillfeather jumps over a fence", kept = "a zebra named marrowgloom jumps over a fence";

        var sharedFile = await DownloadAsync(ann, await ann.WaitAsync(await ann.CreateAsync(shared, sharePrompt: true)));
        var keptFile = await DownloadAsync(ann, await ann.WaitAsync(await ann.CreateAsync(kept)));

        // CBOR keeps text as UTF-8, so a recorded prompt is in the file's bytes verbatim.
        Assert.True(Contains(sharedFile, shared), "a shared prompt is missing from the manifest");
        Assert.False(Contains(keptFile, kept), "a private prompt leaked into the file");
    }

    [Fact]
    public async Task A_kept_prompt_cannot_be_confirmed_from_the_manifests_plan_hash()
    {
        var ann = await People.SignUpAsync(server, "ann");
        const string kept = "a zebra named tallowmere jumps over a fence";

        // The planner is public and the manifest names the seed: were the plan hashed as planned, the same prompt and
        // seed would give the same hash, and anyone could check a guess against it.
        var hashes = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var file = await DownloadAsync(ann, await ann.WaitAsync(await ann.CreateAsync(kept, seed: 7)));
            var found = System.Text.RegularExpressions.Regex.Match(System.Text.Encoding.Latin1.GetString(file), "planHash\x78\x40([0-9a-f]{64})");
            Assert.True(found.Success, "the manifest has no plan hash");
            hashes.Add(found.Groups[1].Value);
        }

        Assert.NotEqual(hashes[0], hashes[1]);
    }

    private async Task<byte[]> DownloadAsync(Person person, System.Text.Json.JsonElement generation)
    {
        var url = generation.GetProperty("video").GetProperty("media").GetProperty("url").GetString()!;
        return await (await person.FetchAsync(server, url)).Content.ReadAsByteArrayAsync();
    }

    private static bool Contains(byte[] file, string text) => file.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0;
}
