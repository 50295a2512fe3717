using System.Numerics;
using Sora.Inference.World.Scene;

namespace Sora.Inference.Tests.Sound;

public class ImpactSoundTests
{
    private static readonly Vector3 InFront = new(0, 1.5f, -2);

    private static float[] Hit(string a, string b, float impulse, double at = 0) =>
        SoundProbe.Mono(SoundProbe.Render([new ImpactSound(at, InFront, a, b, impulse)], at + 3));

    [Fact]
    public void An_impact_is_silent_before_it_happens_and_sounds_within_a_millisecond()
    {
        const double at = 0.500013;
        var mono = SoundProbe.Mono(SoundProbe.Render([new ImpactSound(at, InFront, "wood", "stone", 2f)], 1));
        var onset = (int)Math.Ceiling(at * SoundProbe.Rate);
        Assert.All(mono[..onset], s => Assert.Equal(0f, s));
        var firstMillisecond = mono.AsSpan(onset, SoundProbe.Rate / 1000);
        Assert.True(SoundProbe.Rms(firstMillisecond) > 0.01, $"rms in the first ms: {SoundProbe.Rms(firstMillisecond)}");
    }

    [Fact]
    public void Glass_rings_higher_and_longer_than_wood()
    {
        var glass = Hit("glass", "glass", 2f);
        var wood = Hit("wood", "wood", 2f);
        var glassCentroid = SoundProbe.SpectralCentroid(glass);
        var woodCentroid = SoundProbe.SpectralCentroid(wood);
        Assert.True(glassCentroid > woodCentroid * 1.5, $"centroids: glass {glassCentroid:F0} Hz, wood {woodCentroid:F0} Hz");
        var glassDecay = SoundProbe.DecaySeconds(glass);
        var woodDecay = SoundProbe.DecaySeconds(wood);
        Assert.True(glassDecay > woodDecay * 4, $"decay to -40 dB: glass {glassDecay:F3} s, wood {woodDecay:F3} s");
    }

    [Fact]
    public void Metal_clangs_long_and_rubber_thuds_low()
    {
        var metal = Hit("metal", "metal", 2f);
        var rubber = Hit("rubber", "stone", 2f);
        var wood = Hit("wood", "wood", 2f);
        Assert.True(SoundProbe.DecaySeconds(metal) > 1, $"metal decays in {SoundProbe.DecaySeconds(metal):F2} s");
        Assert.True(SoundProbe.SpectralCentroid(rubber) < SoundProbe.SpectralCentroid(wood),
            $"rubber {SoundProbe.SpectralCentroid(rubber):F0} Hz vs wood {SoundProbe.SpectralCentroid(wood):F0} Hz");
    }

    [Fact]
    public void Metal_modes_are_inharmonic()
    {
        // The two strongest spectral peaks of a clang are not in a simple integer ratio.
        var magnitudes = SoundProbe.Magnitudes(Hit("metal", "metal", 3f), 32768);
        var peaks = Enumerable.Range(2, magnitudes.Length - 4)
            .Where(k => magnitudes[k] > magnitudes[k - 1] && magnitudes[k] >= magnitudes[k + 1])
            .OrderByDescending(k => magnitudes[k]).Take(2).Order().ToArray();
        var ratio = (double)peaks[1] / peaks[0];
        Assert.True(Math.Abs(ratio - Math.Round(ratio)) > 0.08, $"peak ratio {ratio:F3}");
    }

    [Fact]
    public void A_stronger_impulse_is_louder_and_brighter()
    {
        var soft = Hit("wood", "stone", 0.3f);
        var hard = Hit("wood", "stone", 8f);
        Assert.True(SoundProbe.Rms(hard) > SoundProbe.Rms(soft) * 1.5, $"rms soft {SoundProbe.Rms(soft):F4}, hard {SoundProbe.Rms(hard):F4}");
        Assert.True(SoundProbe.SpectralCentroid(hard) > SoundProbe.SpectralCentroid(soft),
            $"centroid soft {SoundProbe.SpectralCentroid(soft):F0} Hz, hard {SoundProbe.SpectralCentroid(hard):F0} Hz");
    }

    [Fact]
    public void Cloth_thumps_softer_than_stone_clicks()
    {
        var cloth = Hit("cloth", "cloth", 2f);
        var stone = Hit("stone", "stone", 2f);
        Assert.True(cloth.Max(Math.Abs) < stone.Max(Math.Abs) * 0.7f, $"peaks: cloth {cloth.Max(Math.Abs):F3}, stone {stone.Max(Math.Abs):F3}");
        Assert.True(SoundProbe.SpectralCentroid(cloth) < SoundProbe.SpectralCentroid(stone) / 3);
    }

    [Fact]
    public void A_shatter_is_a_bright_burst_of_many_small_rings()
    {
        var shatter = SoundProbe.Mono(SoundProbe.Render([new ShatterSound(0, InFront, "glass", 4f)], 2));
        var knock = Hit("glass", "wood", 2f);
        Assert.True(SoundProbe.SpectralCentroid(shatter) > 2500, $"centroid {SoundProbe.SpectralCentroid(shatter):F0} Hz");
        // Fragments keep landing: there is still sound 200 ms in.
        Assert.True(SoundProbe.Rms(shatter.AsSpan(SoundProbe.Rate / 5, SoundProbe.Rate / 20)) > 0.003);
        Assert.NotEqual(SoundProbe.SpectralCentroid(knock), SoundProbe.SpectralCentroid(shatter));
    }

    [Fact]
    public void A_hundred_simultaneous_impacts_never_clip()
    {
        var events = Enumerable.Range(0, 100)
            .Select(i => (SoundEvent)new ImpactSound(0.1, new Vector3(i % 10 - 5, 1.5f, -1), "metal", "stone", 50f))
            .ToList();
        var mix = SoundProbe.Render(events, 1.5);
        Assert.All(mix, s => Assert.True(float.IsFinite(s) && Math.Abs(s) < 1f, $"sample {s}"));
        Assert.True(mix.Max(Math.Abs) > 0.5f, "the crash is loud, just not clipped");
    }

    [Fact]
    public void A_knock_in_a_kitchen_rings_on_in_the_room_and_under_water_it_is_dull()
    {
        SoundEvent knock = new ImpactSound(0, InFront, "wood", "wood", 3f);
        float[] In(string place) => SoundProbe.Mono(SoundProbe.Render(SoundProbe.EffectsOnly(),
            new SceneLook(place, "day", "clear", "cinematic", 854, 480, 24), [knock], 0, SoundProbe.Rate));
        var open = In("beach");
        var kitchen = In("kitchen");
        var underwater = In("underwater");
        Assert.True(SoundProbe.DecaySeconds(kitchen) > SoundProbe.DecaySeconds(open) * 2,
            $"decay: open air {SoundProbe.DecaySeconds(open):F3} s, kitchen {SoundProbe.DecaySeconds(kitchen):F3} s");
        Assert.True(SoundProbe.SpectralCentroid(underwater) < SoundProbe.SpectralCentroid(open) * 0.6,
            $"centroid: open air {SoundProbe.SpectralCentroid(open):F0} Hz, under water {SoundProbe.SpectralCentroid(underwater):F0} Hz");
    }
}
