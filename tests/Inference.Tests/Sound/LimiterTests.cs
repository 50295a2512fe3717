using System.Numerics;
using Sora.Inference.World.Scene;
using Sora.Inference.World.Sound;

namespace Sora.Inference.Tests.Sound;

public class LimiterTests
{
    private static readonly SceneLook Street = new("street", "day", "clear", "cinematic", 854, 480, 24);
    private const int Length = 3 * SoundProbe.Rate;

    [Fact]
    public void A_moderate_sound_leaves_the_ambience_untouched_around_it()
    {
        var bed = SoundProbe.Render(new EventSoundSynthesizer(), Street, [], 0, Length);
        var withStep = SoundProbe.Render(new EventSoundSynthesizer(), Street,
            [new FootstepSound(1.0, new Vector3(1, 0, -4), "stone", 70)], 0, Length);
        // Interleaved stereo: one second is 2 × Rate floats.
        const int oneSecond = 2 * SoundProbe.Rate;
        Assert.Equal(bed[..oneSecond], withStep[..oneSecond]);
        // Once the step has died away the street sounds exactly as before: no gain was left pulled down.
        Assert.Equal(bed[(2 * oneSecond)..], withStep[(2 * oneSecond)..]);
        Assert.NotEqual(bed[oneSecond..(2 * oneSecond)], withStep[oneSecond..(2 * oneSecond)]);
    }

    [Fact]
    public void After_a_deafening_crash_the_level_recovers_smoothly_without_pumping()
    {
        var crash = Enumerable.Range(0, 60)
            .Select(i => (SoundEvent)new ImpactSound(0.5, new Vector3(i % 6 - 3, 1.5f, -1), "wood", "stone", 80f))
            .ToList();
        var bed = SoundProbe.Mono(SoundProbe.Render(new EventSoundSynthesizer(), Street, [], 0, Length));
        var mix = SoundProbe.Mono(SoundProbe.Render(new EventSoundSynthesizer(), Street, crash, 0, Length));
        Assert.All(mix, s => Assert.InRange(s, -1f, 1f));

        // The wood knocks are gone within half a second; from then on the bed is back at its own level,
        // and between the crash and then the level of the bed never dips below it in 10 ms windows by more than 1 dB.
        var after = (int)(1.2 * SoundProbe.Rate);
        Assert.Equal(bed[after..], mix[after..]);
        const int window = SoundProbe.Rate / 100;
        for (var start = (int)(0.5 * SoundProbe.Rate) + window; start + window <= after; start += window)
        {
            var bedLevel = SoundProbe.Rms(bed.AsSpan(start, window));
            var residual = mix.AsSpan(start, window).ToArray().Zip(bed.AsSpan(start, window).ToArray(), (m, b) => m - b).ToArray();
            // Either the crash is still sounding (residual present) or, if it has faded, the bed is not ducked.
            if (SoundProbe.Rms(residual) < bedLevel * 0.05)
                Assert.True(SoundProbe.Rms(mix.AsSpan(start, window)) > bedLevel * 0.89, $"ducked at {start / (double)SoundProbe.Rate:F2} s");
        }
    }
}
