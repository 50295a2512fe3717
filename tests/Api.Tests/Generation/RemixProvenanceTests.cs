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
}
