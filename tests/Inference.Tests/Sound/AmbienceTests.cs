using Sora.Inference.World.Planning;
using Sora.Inference.World.Scene;
using Sora.Inference.World.Sound;

namespace Sora.Inference.Tests.Sound;

public class AmbienceTests
{
    private const int Length = 2 * SoundProbe.Rate;

    private static float[] Bed(string environment, long seed = 11, string time = "day", string weather = "clear") =>
        SoundProbe.Render(new EventSoundSynthesizer(), new SceneLook(environment, time, weather, "cinematic", 854, 480, 24), [], 0, Length, seed);

    [Fact]
    public void The_same_seed_gives_the_same_ambience_and_another_seed_differs()
    {
        var first = Bed("forest", 5);
        var again = Bed("forest", 5);
        var other = Bed("forest", 6);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.True(SoundProbe.Rms(first.Zip(other, (a, b) => a - b).ToArray()) > SoundProbe.Rms(first) * 0.5,
            "another seed is another recording, not a tiny perturbation");
    }

    [Fact]
    public void Every_environment_has_a_bed_and_space_is_near_silent()
    {
        foreach (var environment in Catalog.Environments)
        {
            var rms = SoundProbe.Rms(Bed(environment));
            if (environment == "space") Assert.True(rms is > 0 and < 3e-4, $"space rms {rms}");
            else Assert.True(rms > 1.5e-3, $"{environment} rms {rms}");
        }
    }

    [Fact]
    public void Every_environment_sounds_different()
    {
        var profiles = Catalog.Environments.Where(e => e != "space").ToDictionary(e => e, e => Profile(Bed(e)));
        foreach (var (a, pa) in profiles)
        foreach (var (b, pb) in profiles)
        {
            if (string.CompareOrdinal(a, b) >= 0) continue;
            var distance = pa.Zip(pb, (x, y) => Math.Abs(x - y)).Sum();
            Assert.True(distance > 1.0, $"{a} and {b} sound alike (profile distance {distance:F2})");
        }
    }

    [Fact]
    public void Rain_weather_adds_rain_and_night_swaps_birds_for_crickets()
    {
        var clear = Bed("street");
        var rain = Bed("street", weather: "rain");
        Assert.True(SoundProbe.Rms(rain) > SoundProbe.Rms(clear) * 1.2);
        Assert.True(SoundProbe.SpectralCentroid(SoundProbe.Mono(rain)) > SoundProbe.SpectralCentroid(SoundProbe.Mono(clear)) + 1000);

        var day = Profile(Bed("forest"));
        var night = Profile(Bed("forest", time: "night"));
        Assert.True(day.Zip(night, (x, y) => Math.Abs(x - y)).Sum() > 1.0);
    }

    /// <summary>Level (dB) in octave bands from 62 Hz to 16 kHz, plus the overall level: a coarse fingerprint of a bed.</summary>
    private static double[] Profile(float[] stereo)
    {
        var mono = SoundProbe.Mono(stereo);
        var bands = new double[10];
        for (var offset = 0; offset + 16384 <= mono.Length; offset += 16384)
        {
            var magnitudes = SoundProbe.Magnitudes(mono[offset..(offset + 16384)]);
            for (var k = 1; k < magnitudes.Length; k++)
            {
                var frequency = k * (double)SoundProbe.Rate / 16384;
                var band = (int)Math.Clamp(Math.Floor(Math.Log2(frequency / 62.5)), 0, 8);
                bands[band] += magnitudes[k] * magnitudes[k];
            }
        }
        var total = bands.Sum();
        var profile = bands.Select(b => 10 * Math.Log10(b / total + 1e-9) / 10).ToArray();
        profile[9] = 20 * Math.Log10(SoundProbe.Rms(mono) + 1e-9) / 10;
        return profile;
    }
}
