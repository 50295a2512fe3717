using System.Numerics;
using Sora.Inference.World.Scene;
using Sora.Inference.World.Sound;

namespace Sora.Inference.Tests.Sound;

public class ChunkIndependenceTests
{
    private const int Length = 3 * SoundProbe.Rate;
    private static readonly SceneLook Beach = new("beach", "day", "rain", "cinematic", 854, 480, 24);

    private static IReadOnlyList<SoundEvent> BusyScene() =>
    [
        new EngineSound(0.1, new Vector3(-6, 0, -10), 2.2, "car", 3),
        new ImpactSound(0.2, new Vector3(1, 0, -4), "glass", "wood", 2f),
        new FootstepSound(0.35, new Vector3(0, 0, -3), "sand", 70),
        new ImpactSound(0.3413, new Vector3(-2, 1, -5), "metal", "stone", 6f),
        new SplashSound(0.9, new Vector3(3, 0, -8), 4f, 20f),
        new ShatterSound(1.25, new Vector3(0, 1, -2), "glass", 3f),
        new FootstepSound(0.85, new Vector3(0, 0, -3), "stone", 70),
        new ImpactSound(1.70001, new Vector3(2, 0, -3), "rubber", "wood", 1f),
        new EngineSound(1.5, new Vector3(4, 5, -20), 1.2, "drone", 4),
        new ImpactSound(2.34, new Vector3(0, 0, -1), "ceramic", "stone", 0.5f),
    ];

    /// <summary>The camera dollies sideways, so panning changes over the sustained sources.</summary>
    private static CameraPose Dolly(double t) => new(new Vector3((float)t, 1.5f, 0), new Vector3((float)t, 1.2f, -10), 50);

    private static float[] RenderWhole(ISoundSynthesizer synthesizer, SceneLook? look = null) =>
        SoundProbe.Render(synthesizer, look ?? Beach, BusyScene(), 0, Length, listener: Dolly);

    /// <summary>Renders in the given piece sizes, passing only the events known by each piece's end, as the engine does.</summary>
    private static float[] RenderPieces(ISoundSynthesizer synthesizer, IEnumerable<int> sizes, SceneLook? look = null)
    {
        var all = BusyScene();
        var output = new float[Length * 2];
        long start = 0;
        foreach (var size in sizes)
        {
            var count = (int)Math.Min(size, Length - start);
            if (count <= 0) break;
            var known = all.Where(e => e.Time * SoundProbe.Rate < start + count).ToList();
            synthesizer.Render(look ?? Beach, known, Dolly, start, count, 7, output.AsSpan((int)start * 2, count * 2));
            start += count;
        }
        Assert.Equal(Length, start);
        return output;
    }

    public static TheoryData<string> Patterns => new() { "video-24fps", "video-30fps", "tiny-and-odd", "random", "one-sample-then-huge" };

    private static IEnumerable<int> Sizes(string pattern)
    {
        switch (pattern)
        {
            case "video-24fps": return Enumerable.Repeat(2000, Length / 2000 + 1);
            case "video-30fps": return Enumerable.Repeat(1600, Length / 1600 + 1);
            case "tiny-and-odd": return Enumerable.Range(0, 100000).Select(i => new[] { 1, 7, 479, 481, 4095, 16385, 13 }[i % 7]);
            case "random":
                var random = new Random(1234);
                return Enumerable.Range(0, 100000).Select(_ => random.Next(1, 30000));
            default: return [1, 16383, 1, Length];
        }
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Rendering_in_pieces_gives_the_same_samples_as_at_once(string pattern)
    {
        var whole = RenderWhole(new EventSoundSynthesizer());
        var pieces = RenderPieces(new EventSoundSynthesizer(), Sizes(pattern));
        Assert.Equal(BitsOf(whole), BitsOf(pieces));
    }

    [Theory]
    [InlineData("kitchen")]
    [InlineData("underwater")]
    public void Room_tails_do_not_depend_on_the_split_either(string place)
    {
        var look = new SceneLook(place, "night", "rain", "cinematic", 854, 480, 24);
        var whole = RenderWhole(new EventSoundSynthesizer(), look);
        var pieces = RenderPieces(new EventSoundSynthesizer(), Sizes("random"), look);
        Assert.Equal(BitsOf(whole), BitsOf(pieces));
    }

    [Fact]
    public void Rendering_a_range_again_on_a_used_synthesizer_gives_the_same_samples()
    {
        var synthesizer = new EventSoundSynthesizer();
        var first = RenderWhole(synthesizer);
        var late = SoundProbe.Render(synthesizer, Beach, BusyScene(), 100_000, 30_000, listener: Dolly);
        var again = RenderWhole(synthesizer);
        Assert.Equal(BitsOf(first), BitsOf(again));
        Assert.Equal(BitsOf(first.AsSpan(200_000, 60_000).ToArray()), BitsOf(late));
    }

    [Fact]
    public void The_scene_is_audible_and_within_full_scale()
    {
        var whole = RenderWhole(new EventSoundSynthesizer());
        Assert.True(SoundProbe.Rms(whole) > 0.01, $"rms {SoundProbe.Rms(whole)}");
        Assert.All(whole, s => Assert.InRange(s, -1f, 1f));
    }

    [Fact]
    public void Every_environment_bed_is_the_same_however_it_is_split()
    {
        foreach (var environment in Sora.Inference.World.Planning.Catalog.Environments)
        foreach (var time in new[] { "day", "night" })
        {
            var look = new SceneLook(environment, time, "rain", "cinematic", 854, 480, 24);
            var whole = SoundProbe.Render(new EventSoundSynthesizer(), look, [], 0, SoundProbe.Rate);
            var split = new EventSoundSynthesizer();
            var pieces = new float[SoundProbe.Rate * 2];
            var cuts = new[] { 0, 1, 12345, 16384, 16385, 40000, SoundProbe.Rate };
            for (var c = 0; c + 1 < cuts.Length; c++)
                split.Render(look, [], SoundProbe.Camera, cuts[c], cuts[c + 1] - cuts[c], 7, pieces.AsSpan(cuts[c] * 2, (cuts[c + 1] - cuts[c]) * 2));
            Assert.True(BitsOf(whole).SequenceEqual(BitsOf(pieces)), $"{environment} at {time} depends on the split");
        }
    }

    private static int[] BitsOf(float[] samples) => samples.Select(BitConverter.SingleToInt32Bits).ToArray();
}
