using Sora.Inference.Onnx.Tests.Models;

namespace Sora.Inference.Onnx.Tests;

/// <summary>A tiny ONNX model run on the CPU provider: the frames a user would get, chunk by chunk.</summary>
public sealed class OnnxVideoEngineTests : IDisposable
{
    private readonly ModelFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_clip_arrives_in_chunks_that_cover_every_frame_with_matching_audio()
    {
        using var model = _folder.Load(new TinyVideoModel());
        var request = new GenerationRequest("a red ball on the beach", Seconds: 1, Width: 64, Height: 36, Fps: 24, Seed: 7) { ChunkFrames = 5 };

        var chunks = await GenerateAsync(model, request);

        Assert.Equal([0, 5, 10, 15, 20], chunks.Select(c => c.FirstFrame));
        Assert.Equal([5, 5, 5, 5, 4], chunks.Select(c => c.FrameCount));
        Assert.All(chunks, c => Assert.Equal(c.FrameCount * 64 * 36 * 3, c.Rgb24.Length));
        Assert.Equal(MediaChunk.SampleRate * MediaChunk.Channels, chunks.Sum(c => c.Audio.Length));
        Assert.All(chunks, c => Assert.All(c.Audio.ToArray(), sample => Assert.Equal(0f, sample)));
    }

    [Fact]
    public async Task A_model_with_several_frames_per_latent_frame_still_gives_exactly_the_frames_asked_for()
    {
        using var model = _folder.Load(new TinyVideoModel { TemporalRatio = 2 });
        // 15 frames: 8 latent frames decode to 16, and the last one is dropped.
        var request = new GenerationRequest("a red ball", Seconds: 0.5, Width: 64, Height: 36, Fps: 30, Seed: 2) { ChunkFrames = 6 };

        var chunks = await GenerateAsync(model, request);

        Assert.Equal([0, 6, 12], chunks.Select(c => c.FirstFrame));
        Assert.Equal([6, 6, 3], chunks.Select(c => c.FrameCount));
        Assert.Equal(MediaChunk.SampleRate * MediaChunk.Channels / 2, chunks.Sum(c => c.Audio.Length));
    }

    [Fact]
    public async Task The_same_seed_gives_identical_frames_and_another_seed_different_ones()
    {
        using var model = _folder.Load(new TinyVideoModel());
        var request = new GenerationRequest("a green cat runs", Seconds: 0.5, Width: 64, Height: 36, Fps: 24, Seed: 42);

        var first = Pixels(await GenerateAsync(model, request));
        var again = Pixels(await GenerateAsync(model, request));
        var otherSeed = Pixels(await GenerateAsync(model, request with { Seed = 43 }));

        Assert.Equal(first, again);
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public async Task The_prompt_decides_the_colour_of_the_video()
    {
        using var model = _folder.Load(new TinyVideoModel());
        var red = new GenerationRequest("a red ball", Seconds: 0.5, Width: 64, Height: 36, Fps: 24, Seed: 1);

        var ball = MeanColour(Pixels(await GenerateAsync(model, red)));
        var sea = MeanColour(Pixels(await GenerateAsync(model, red with { Prompt = "the blue sea" })));

        var difference = Enumerable.Range(0, 3).Max(c => Math.Abs(ball[c] - sea[c]));
        Assert.True(difference > 10, $"mean colours {string.Join("/", ball)} and {string.Join("/", sea)} hardly differ");
    }

    [Fact]
    public async Task Frames_are_scaled_to_the_requested_size()
    {
        using var model = _folder.Load(new TinyVideoModel());
        var native = new GenerationRequest("a blue ball", Seconds: 0.25, Width: TinyVideoModel.FrameWidth, Height: TinyVideoModel.FrameHeight, Fps: 24, Seed: 3);

        var small = await GenerateAsync(model, native);
        var large = await GenerateAsync(model, native with { Width = 640, Height = 360 });

        Assert.All(large, c => Assert.Equal((640, 360), (c.Width, c.Height)));
        Assert.Equal(small.Sum(c => c.FrameCount), large.Sum(c => c.FrameCount));
        // Scaling keeps the picture: the mean colour barely moves.
        var (a, b) = (MeanColour(Pixels(small)), MeanColour(Pixels(large)));
        Assert.All(Enumerable.Range(0, 3), c => Assert.InRange(Math.Abs(a[c] - b[c]), 0, 3));
    }

    [Fact]
    public async Task Guidance_runs_the_unconditional_prompt_and_changes_the_result()
    {
        using var plain = _folder.Load(new TinyVideoModel());
        using var guided = _folder.Load(new TinyVideoModel { Guidance = 3 });
        var request = new GenerationRequest("a red cat", Seconds: 0.25, Width: 64, Height: 36, Fps: 24, Seed: 5);

        Assert.NotEqual(Pixels(await GenerateAsync(plain, request)), Pixels(await GenerateAsync(guided, request)));
    }

    [Fact]
    public async Task A_cancelled_job_stops_before_the_next_step_or_chunk()
    {
        using var model = _folder.Load(new TinyVideoModel { Steps = 50 });
        var request = new GenerationRequest("a red ball", Seconds: 1, Width: 64, Height: 36, Fps: 24, Seed: 1) { ChunkFrames = 6 };

        using var before = new CancellationTokenSource();
        await before.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => GenerateAsync(model, request, before.Token));

        using var during = new CancellationTokenSource();
        var received = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in new OnnxVideoEngine(model).GenerateAsync(request, during.Token))
            {
                received++;
                await during.CancelAsync();
            }
        });
        Assert.Equal(1, received);
    }

    [Fact]
    public async Task A_model_made_for_another_frame_rate_says_which_one_to_ask_for()
    {
        using var model = _folder.Load(new TinyVideoModel { Fps = 24 });
        var request = new GenerationRequest("a red ball", Seconds: 1, Width: 64, Height: 36, Fps: 30);

        var error = await Assert.ThrowsAsync<UnsupportedRequestException>(() => GenerateAsync(model, request));

        Assert.Equal("fps", error.Field);
        Assert.Contains("ask for fps 24", error.Message);
    }

    private static async Task<List<MediaChunk>> GenerateAsync(OnnxVideoModel model, GenerationRequest request, CancellationToken cancellationToken = default)
    {
        var chunks = new List<MediaChunk>();
        await foreach (var chunk in new OnnxVideoEngine(model).GenerateAsync(request, cancellationToken)) chunks.Add(chunk);
        return chunks;
    }

    private static byte[] Pixels(IEnumerable<MediaChunk> chunks) => chunks.SelectMany(c => c.Rgb24.ToArray()).ToArray();

    private static double[] MeanColour(byte[] rgb) =>
        Enumerable.Range(0, 3).Select(c => rgb.Where((_, i) => i % 3 == c).Average(v => (double)v)).ToArray();
}
