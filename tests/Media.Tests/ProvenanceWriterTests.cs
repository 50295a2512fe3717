using System.Runtime.CompilerServices;
using Sora.Media.Encoding;
using Sora.Media.Provenance;
using Sora.Media.Watermark;

namespace Sora.Media.Tests;

public sealed class ProvenanceWriterTests
{
    private const int Width = 640, Height = 360, Fps = 24;

    /// <summary>A synthetic "engine": 12-frame chunks of moving shapes with their sound, as a generator would stream them.</summary>
    internal static async IAsyncEnumerable<FrameChunk> SyntheticChunks(int seconds, int seed = 7, int width = Width, int height = Height, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var sound = SyntheticAudio.Create(seed, seconds);
        const int framesPerChunk = 12;
        for (var first = 0; first < seconds * Fps; first += framesPerChunk)
        {
            await Task.Yield();
            ct.ThrowIfCancellationRequested();
            var rgb = new byte[framesPerChunk * width * height * 3];
            for (var i = 0; i < framesPerChunk; i++)
                SyntheticClip.Frame(SyntheticClip.Kind.Shapes, seed, first + i, width, height).Pixels.CopyTo(rgb.AsMemory(i * width * height * 3));
            var from = FrameChunk.SampleOfFrame(first, Fps) * 2;
            var to = FrameChunk.SampleOfFrame(first + framesPerChunk, Fps) * 2;
            yield return new FrameChunk(width, height, rgb, sound.Samples[(int)from..(int)to].ToArray());
        }
    }

    internal static ProvenanceRequest Request(string videoId = "video-123") => new(videoId, 0x0A01, "@ada", Width, Height, Fps, new ManifestDefinition
    {
        Title = "A glass falls",
        Generation = new GenerationInfo("World", "0.1.0", 42, "sha256:abc123"),
    });

    [Fact]
    public async Task Written_video_is_signed_marked_and_readable_by_c2pa_rs_and_our_detectors()
    {
        var dir = TestMedia.Scratch("provenance-writer");
        using var credentials = SigningCredentials.LoadOrCreate(dir);
        var output = Path.Combine(dir, "video.mp4");
        var previews = new List<FrameChunk>();
        var originalFirstFrame = SyntheticClip.Frame(SyntheticClip.Kind.Shapes, 7, 0, Width, Height).Pixels.ToArray();

        var result = await new ProvenanceWriter(credentials).WriteAsync(SyntheticChunks(6), Request(), output,
            (chunk, _) => { previews.Add(chunk); return ValueTask.CompletedTask; });

        Assert.Equal(144, result.Frames);
        Assert.Equal(12, previews.Count);
        var box = new VisibleWatermark("ada", Width, Height, Fps, result.VideoPayload).BoxAt(0);
        var preview = previews[0].Frame(0).Pixels.Span;
        var changedInBox = 0;
        for (var y = box.Y; y < box.Y + box.Height; y++)
        for (var x = box.X; x < box.X + box.Width; x++)
            if (Math.Abs(preview[(y * Width + x) * 3] - originalFirstFrame[(y * Width + x) * 3]) > 8) changedInBox++;
        Assert.True(changedInBox > box.Width * box.Height / 5, "the preview chunk does not carry the visible mark");

        var bytes = await File.ReadAllBytesAsync(output);
        var boxes = Mp4Boxes.ReadTopLevel(bytes).Select(b => b.Type).ToList();
        Assert.True(boxes.IndexOf("moov") < boxes.IndexOf("mdat"), "not faststart: " + string.Join(",", boxes));

        var report = await TestMedia.ReadWithC2paRsAsync(output);
        var failures = report.GetProperty("validation_results").GetProperty("activeManifest").GetProperty("failure")
            .EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
        Assert.True(failures.SequenceEqual(["signingCredential.untrusted"]), report.ToString());
        Assert.Equal(result.ManifestLabel, report.GetProperty("active_manifest").GetString());

        var ours = C2paReader.Verify(output);
        Assert.True(ours.Valid, string.Join("; ", ours.Failures));
        Assert.Equal(result.VideoPayload.ToString("x16"), ours.DeclaredWatermarks["video"]);
        Assert.Equal(result.AudioPayload.ToString("x4"), ours.DeclaredWatermarks["audio"]);

        var video = await VideoWatermarkDetector.DetectFileAsync(output);
        Assert.True(video.Detected, $"video sync {video.SyncScore:F1}");
        Assert.Equal(VideoWatermark.CreatePayload("video-123", 0x0A01), video.Payload);
        var audio = await AudioWatermarkDetector.DetectFileAsync(output);
        Assert.True(audio.Detected, $"audio sync {audio.SyncScore:F1}");
        Assert.Equal(result.AudioPayload, audio.Payload);
    }

    [Fact]
    public async Task A_failing_engine_leaves_no_file_behind()
    {
        var dir = TestMedia.Scratch("provenance-fail");
        using var credentials = SigningCredentials.LoadOrCreate(dir);
        var output = Path.Combine(dir, "video.mp4");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new ProvenanceWriter(credentials).WriteAsync(Failing(), Request(), output));

        Assert.Equal("engine crashed", error.Message);
        Assert.Empty(Directory.GetFiles(dir, "*.mp4*"));
    }

    [Fact]
    public async Task An_engine_that_makes_no_frames_is_told_so()
    {
        var dir = TestMedia.Scratch("provenance-empty");
        using var credentials = SigningCredentials.LoadOrCreate(dir);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            new ProvenanceWriter(credentials).WriteAsync(AsyncEnumerable.Empty<FrameChunk>(), Request(), Path.Combine(dir, "video.mp4")));

        Assert.StartsWith("the video has no frames", error.Message);
        Assert.Empty(Directory.GetFiles(dir, "*.mp4*"));
    }

    [Fact]
    public async Task An_encoder_that_fails_before_the_first_frame_reports_its_own_error_not_an_empty_video()
    {
        var dir = TestMedia.Scratch("provenance-encoder-fails");
        using var credentials = SigningCredentials.LoadOrCreate(dir);
        var asked = false;

        var error = await Assert.ThrowsAsync<FFMpegCore.Exceptions.FFMpegException>(() =>
            new ProvenanceWriter(credentials).WriteAsync(SyntheticChunks(1), Request(), Path.Combine(dir, "video.mp4"),
                (_, _, _, _) =>
                {
                    asked = true;
                    throw new FFMpegCore.Exceptions.FFMpegException("ffmpeg exited before its input");
                }));

        Assert.True(asked);
        Assert.Equal("ffmpeg exited before its input", error.Message);
    }

    private static async IAsyncEnumerable<FrameChunk> Failing()
    {
        await foreach (var chunk in SyntheticChunks(1)) { yield return chunk; break; }
        throw new InvalidOperationException("engine crashed");
    }
}
