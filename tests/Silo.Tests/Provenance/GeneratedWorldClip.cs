using System.Text.Json.Nodes;
using Sora.Media.Provenance;
using Sora.Silo.Cli.Generate;

namespace Sora.Silo.Tests.Provenance;

/// <summary>A World clip made by <c>sora generate</c>'s own run and read back as <c>sora verify</c> reads it, for the mark tests.</summary>
internal static class GeneratedWorldClip
{
    /// <summary>Generates <paramref name="prompt"/> into <paramref name="directory"/>, checks its plan is set in <paramref name="environment"/>, and verifies the file.</summary>
    public static async Task<ProvenanceReport> GenerateAndVerifyAsync(string directory, string environment, string prompt, double seconds, string size, int fps, int seed)
    {
        var video = Path.Combine(directory, environment + ".mp4");
        var plan = Path.Combine(directory, environment + ".json");
        var settings = GenerateSettings.Parse(prompt, video, seconds, size, fps, seed, style: null, data: Path.Combine(directory, "data"),
            planFile: null, planOut: plan, traceOut: null, contactSheet: null, handle: "@local");
        await new GenerateRun(settings, TextWriter.Null, TextWriter.Null).RunAsync(CancellationToken.None);

        Assert.Equal(environment, (string?)JsonNode.Parse(await File.ReadAllTextAsync(plan))!["environment"]!["kind"]);
        return await ProvenanceVerifier.VerifyAsync(video);
    }
}
