using Sora.Media.Provenance;

namespace Sora.Silo.Tests.Provenance;

/// <summary>
/// The invisible video mark as <c>sora generate</c> writes it and <c>sora verify</c> reads it, in every World environment:
/// World engine → visible and invisible marks → H.264 at the default CRF → C2PA → decode → detector.
/// </summary>
/// <remarks>
/// Users get 5 s at 854×480; the clips here are 2 s at that size, the shortest length the mark is specified for, so
/// twelve clips fit in CI time.
/// The kitchen (a tiled floor and wall in a still shot) failed before the detector weighed pixels by how
/// quiet their neighbourhood is.
/// </remarks>
public sealed class WorldEnvironmentWatermarkTests : IDisposable
{
    private const string Size = "854x480";
    private const double Seconds = 2;
    private readonly string directory = Path.Combine(Path.GetTempPath(), "sora-environment-watermark-tests", Guid.NewGuid().ToString("N")[..8]);

    public WorldEnvironmentWatermarkTests() => Directory.CreateDirectory(directory);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Theory]
    [InlineData("beach", "a glass falls on the beach")]
    [InlineData("lake", "a ball rolls by the lake")]
    [InlineData("street", "a car drives down the street")]
    [InlineData("forest", "a deer walks in the forest")]
    [InlineData("kitchen", "a glass falls in the kitchen")]
    [InlineData("room", "a cat sleeps in the room")]
    [InlineData("desert", "a ball rolls in the desert")]
    [InlineData("snow", "a ball rolls in the snowy winter")]
    [InlineData("mountains", "a bird flies over the mountains")]
    [InlineData("city_night", "a car drives through the city at night")]
    [InlineData("space", "an astronaut floats in space")]
    [InlineData("underwater", "a fish swims underwater")]
    public async Task A_generated_video_carries_its_declared_video_mark_in_every_environment(string environment, string prompt)
    {
        var report = await GeneratedWorldClip.GenerateAndVerifyAsync(directory, environment, prompt, Seconds, Size, fps: 24, seed: 0);
        var mark = report.Video;
        Assert.NotNull(mark);
        Assert.True(mark.Detected, $"{environment}: sync {mark.SyncScore:F2}, CRC {(mark.Payload is null ? "failed" : "passed")}");
        Assert.Equal(report.C2pa.DeclaredWatermarks["video"], mark.Payload!.Value.ToString("x16"));
        Assert.Equal(ProvenanceVerdict.Authentic, report.Verdict);
    }
}
