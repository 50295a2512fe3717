using System.Security.Cryptography;
using Sora.Inference.World;
using Sora.Inference.World.Planning;
using Sora.Inference.World.Simulation;

namespace Sora.Inference.Tests.World.Engine;

public class WorldEngineTests
{
    private static GenerationRequest Request(string prompt, long seed = 7, int chunkFrames = 6) =>
        new(prompt, Seconds: 2, Width: 96, Height: 64, Fps: 24, Seed: seed) { ChunkFrames = chunkFrames };

    private static async Task<(List<MediaChunk> Chunks, string Hash)> Generate(GenerationRequest request, SimulationTrace? trace = null)
    {
        var engine = new WorldEngine(new CentreDepthRenderer(), new ClickSynthesizer());
        var chunks = new List<MediaChunk>();
        using var video = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var audio = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await foreach (var chunk in engine.GenerateAsync(request, trace))
        {
            chunks.Add(chunk);
            video.AppendData(chunk.Rgb24.Span);
            audio.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(chunk.Audio.Span));
        }
        return (chunks, Convert.ToHexString(video.GetHashAndReset()) + Convert.ToHexString(audio.GetHashAndReset()));
    }

    [Fact]
    public async Task The_same_request_and_seed_give_identical_bytes_and_another_seed_differs()
    {
        const string prompt = "a dog runs to a red ball and kicks it, a glass falls";
        var first = await Generate(Request(prompt));
        var again = await Generate(Request(prompt));
        var other = await Generate(Request(prompt, seed: 8));

        Assert.Equal(first.Hash, again.Hash);
        Assert.NotEqual(first.Hash, other.Hash);
    }

    [Fact]
    public async Task Chunks_are_consecutive_and_how_the_video_is_split_changes_nothing()
    {
        var small = await Generate(Request("a ball bounces", chunkFrames: 5));
        var large = await Generate(Request("a ball bounces", chunkFrames: 48));

        Assert.Equal(48, small.Chunks.Sum(c => c.FrameCount));
        Assert.Equal(5, small.Chunks[0].FrameCount);
        var next = 0;
        foreach (var chunk in small.Chunks)
        {
            Assert.Equal(next, chunk.FirstFrame);
            Assert.Equal(chunk.FrameCount * 96 * 64 * 3, chunk.Rgb24.Length);
            var samples = MediaChunk.SampleOfFrame(chunk.FirstFrame + chunk.FrameCount, 24) - MediaChunk.SampleOfFrame(chunk.FirstFrame, 24);
            Assert.Equal(samples * 2, chunk.Audio.Length);
            next += chunk.FrameCount;
        }
        Assert.Single(large.Chunks);
        Assert.Equal(small.Hash, large.Hash);
    }

    [Fact]
    public async Task A_short_first_chunk_comes_first_and_changes_nothing_else()
    {
        var split = await Generate(Request("a ball bounces", chunkFrames: 12) with { FirstChunkFrames = 4 });
        var even = await Generate(Request("a ball bounces", chunkFrames: 12));

        Assert.Equal([4, 12, 12, 12, 8], split.Chunks.Select(c => c.FrameCount));
        Assert.Equal([0, 4, 16, 28, 40], split.Chunks.Select(c => c.FirstFrame));
        Assert.Equal(even.Hash, split.Hash);
    }

    [Fact]
    public async Task Cancelling_stops_the_stream_within_one_chunk()
    {
        using var cancel = new CancellationTokenSource();
        var rendered = 0;
        var renderer = new CentreDepthRenderer { AfterFrame = frame => { rendered = frame + 1; if (frame == 8) cancel.Cancel(); } };
        var engine = new WorldEngine(renderer, new ClickSynthesizer());
        var received = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var chunk in engine.GenerateAsync(Request("a dog walks") with { Seconds = 10 }, cancel.Token)) received++;
        });

        Assert.Equal(1, received); // frames 0-5; the chunk with frame 8 was abandoned
        Assert.InRange(rendered, 9, 12);
    }

    [Fact]
    public async Task Every_impact_in_the_trace_is_heard_within_one_frame()
    {
        var trace = new SimulationTrace();
        var (chunks, _) = await Generate(Request("a red ball bounces and a wooden box falls") with { Seconds = 3 }, trace);
        var audio = chunks.SelectMany(c => c.Audio.ToArray()).ToArray();
        var impacts = trace.Events.Where(e => e.Kind is "impact" or "shatter" or "splash").ToList();

        Assert.NotEmpty(impacts);
        foreach (var impact in impacts)
        {
            var centre = (int)Math.Round(impact.Time * 48000);
            var window = 48000 / 24;
            var heard = Enumerable.Range(Math.Max(0, centre - window), 2 * window)
                .Any(sample => sample < audio.Length / 2 && audio[sample * 2] > 0.5f);
            Assert.True(heard, $"{impact.Kind} of {impact.Entity} at {impact.Time:F3} s is silent");
        }
    }

    [Fact]
    public async Task A_bad_plan_or_style_is_a_plan_error_not_a_crash()
    {
        var plan = new PromptPlanner().Plan("a cat");
        plan.Entities[0].Size[1] = -1;
        var engine = new WorldEngine(new CentreDepthRenderer(), new ClickSynthesizer());

        var error = await Assert.ThrowsAsync<PlanValidationException>(async () =>
        {
            await foreach (var _ in engine.GenerateAsync(Request("") with { Plan = plan })) { }
        });
        Assert.Equal("$.entities[0].size[1]", error.Path);

        var style = await Assert.ThrowsAsync<PlanValidationException>(async () =>
        {
            await foreach (var _ in engine.GenerateAsync(Request("a cat") with { Style = "vaporwave" })) { }
        });
        Assert.Equal("$.style", style.Path);
    }

    [Fact]
    public async Task An_edited_plan_is_rendered_as_edited()
    {
        var engine = new WorldEngine(new CentreDepthRenderer(), new ClickSynthesizer());
        var plan = engine.PlanFor(Request("a ball"));
        var edited = ScenePlanJson.Read(ScenePlanJson.Write(plan).Replace("\"ball\"", "\"cube\""));
        var trace = new SimulationTrace();

        await foreach (var _ in engine.GenerateAsync(Request("ignored") with { Plan = edited }, trace)) { }

        Assert.Equal("cube", Assert.Single(trace.Entities).Kind);
    }
}
