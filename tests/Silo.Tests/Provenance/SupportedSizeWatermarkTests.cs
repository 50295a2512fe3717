using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Sora.Media.Encoding;
using Sora.Media.Provenance;
using Sora.Media.Watermark;
using Sora.Silo.Cli.Generate;
using Xunit.Abstractions;

namespace Sora.Silo.Tests.Provenance;

/// <summary>
/// The invisible video mark on every size Sora generates, in the scenes that hide it best (still shots of underwater
/// caustics, a tiled kitchen, a room, a city at night), plus a synthetic still of sharp texture: each clip goes through
/// <c>sora generate</c>'s path (or the same <see cref="ProvenanceWriter"/>) to a final MP4 and is read by
/// <c>sora verify</c>'s <see cref="ProvenanceVerifier"/>.
/// </summary>
/// <remarks>
/// 2 s clips, the shortest length the mark is specified for; a small frame holds the fewest copies of the mark's tile,
/// so that is where it is weakest. Before the mark's payload moved to a rate-1/3 code over more cells, 640×360 underwater
/// and the checkerboard failed. The clips run in parallel, and one assertion lists every clip that failed.
/// </remarks>
public sealed class SupportedSizeWatermarkTests(ITestOutputHelper output) : IDisposable
{
    private const double Seconds = 2;
    private const int Fps = 24;
    private readonly string directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "sora-size-watermark-tests", Guid.NewGuid().ToString("N")[..8])).FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    /// <summary>Every size Sora generates, with how many of <see cref="Hardest"/> to run there: all four where the frame holds the fewest tile copies, fewer where the mark reads at raw accuracy ≥ 0.95 (docs/watermark.md).</summary>
    private static readonly (string Size, int Scenes)[] Sizes =
    [
        ("640x360", 4), ("360x640", 4), ("480x480", 4),
        ("854x480", 2), ("480x854", 2),
        ("1280x720", 1), ("720x1280", 1), ("720x720", 1),
    ];

    internal static readonly (string Environment, string Prompt)[] Hardest =
    [
        // In order of difficulty at 640×360.
        ("underwater", "a fish swims underwater"),
        ("kitchen", "a glass falls in the kitchen"),
        ("room", "a cat sleeps in the room"),
        ("city_night", "a car drives through the city at night"),
    ];

    private static IEnumerable<(string Size, string Environment, string Prompt)> Clips() =>
        Sizes.SelectMany(size => Hardest.Take(size.Scenes).Select(h => (size.Size, h.Environment, h.Prompt)));

    [Fact]
    public async Task Every_supported_size_carries_a_readable_video_mark_in_the_hardest_scenes()
    {
        var results = new ConcurrentBag<string>();
        var clips = Clips().ToList();
        await Parallel.ForEachAsync(clips, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (clip, ct) =>
        {
            var name = $"{clip.Size}-{clip.Environment}";
            var video = Path.Combine(directory, name + ".mp4");
            var settings = GenerateSettings.Parse(clip.Prompt, video, Seconds, clip.Size, fps: Fps, seed: 0, style: null,
                data: Path.Combine(directory, "data-" + name), planFile: null, planOut: null, traceOut: null, contactSheet: null, handle: "@local");
            await new GenerateRun(settings, TextWriter.Null, TextWriter.Null).RunAsync(ct);
            results.Add(await VerdictAsync(name, video));
        });

        foreach (var line in results.Order()) output.WriteLine(line);
        var failures = results.Where(r => !r.EndsWith(" ok")).Order().ToList();
        Assert.True(results.Count == clips.Count && failures.Count == 0,
            $"{failures.Count} of {clips.Count} clips failed:\n{string.Join("\n", failures)}\nall:\n{string.Join("\n", results.Order())}");
    }

    [Fact]
    public async Task A_still_frame_of_sharp_texture_at_640x360_carries_a_readable_video_mark()
    {
        const int width = 640, height = 360;
        var data = Path.Combine(directory, "data");
        Directory.CreateDirectory(data);
        using var credentials = SigningCredentials.LoadOrCreate(data);
        var video = Path.Combine(directory, "checkerboard.mp4");
        var request = new ProvenanceRequest("checkerboard", 0x0001, "@local", width, height, Fps,
            new ManifestDefinition { Title = "checkerboard", Generation = new GenerationInfo("synthetic", "1", 0, "sha256:none") });

        await new ProvenanceWriter(credentials).WriteAsync(CheckerboardChunks(width, height), request, video);

        var verdict = await VerdictAsync("640x360-checkerboard", video);
        output.WriteLine(verdict);
        Assert.True(verdict.EndsWith(" ok"), verdict);
    }

    /// <summary>
    /// A still frame: a smooth gradient over the top third, a sharp 17 px checkerboard of contrast 60 below it — nearly
    /// periodic with the mark's 240 px tile, so the texture adds up across the tile's copies as the mark does.
    /// </summary>
    private static async IAsyncEnumerable<FrameChunk> CheckerboardChunks(int width, int height, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var frame = SyntheticClip.Frame(SyntheticClip.Kind.Gradient, 5, 0, width, height);
        var pixels = frame.Pixels.Span;
        for (var y = height / 3; y < height; y++)
        for (var x = 0; x < width; x++)
        {
            var level = (byte)((x / 17 + y / 17) % 2 == 0 ? 98 : 158);
            pixels[(y * width + x) * 3] = pixels[(y * width + x) * 3 + 1] = pixels[(y * width + x) * 3 + 2] = level;
        }
        const int framesPerChunk = 12;
        for (var first = 0; first < Seconds * Fps; first += framesPerChunk)
        {
            await Task.Yield();
            ct.ThrowIfCancellationRequested();
            var rgb = new byte[framesPerChunk * frame.Pixels.Length];
            for (var i = 0; i < framesPerChunk; i++) frame.Pixels.CopyTo(rgb.AsMemory(i * frame.Pixels.Length));
            yield return new FrameChunk(width, height, rgb, Array.Empty<float>());
        }
    }

    /// <summary>What <c>sora verify</c> says about the file, as one line ending in " ok" when the video mark reads and matches the manifest.</summary>
    internal static async Task<string> VerdictAsync(string name, string video)
    {
        var report = await ProvenanceVerifier.VerifyAsync(video);
        var mark = report.Video;
        if (mark is null) return $"{name}: no video mark result";
        var line = $"{name}: sync {mark.SyncScore:F2}, raw accuracy {mark.BitAccuracy:F3}, CRC {(mark.Payload is null ? "failed" : "passed")}, verdict {report.Verdict}";
        var declared = report.C2pa.DeclaredWatermarks.GetValueOrDefault("video");
        var ok = mark.Detected && declared == mark.Payload?.ToString("x16") && report.Verdict == ProvenanceVerdict.Authentic;
        return line + (ok ? " ok" : "");
    }
}
