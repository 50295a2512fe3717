using System.Numerics;
using Sora.Inference.World.Scene;
using Sora.Inference.World.Sound;

namespace Sora.Inference.Tests.Sound;

public class InputValidationTests
{
    [Fact]
    public void A_buffer_too_small_for_the_range_is_refused_clearly()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new EventSoundSynthesizer().Render(SoundProbe.Quiet, [], SoundProbe.Camera, 0, 1000, 1, new float[1000]));
        Assert.Contains("2000", error.Message);
    }

    [Fact]
    public void An_event_at_a_non_finite_time_is_refused_clearly()
    {
        var error = Assert.Throws<ArgumentException>(() => SoundProbe.Render(
            [new ImpactSound(double.NaN, Vector3.Zero, "wood", "wood", 1f)], 0.1));
        Assert.Contains("not a finite number", error.Message);
    }

    [Fact]
    public void Unknown_materials_still_sound_instead_of_failing_mid_video()
    {
        var mix = SoundProbe.Render([new ImpactSound(0, new Vector3(0, 1.5f, -2), "unobtainium", "wood", 2f)], 0.5);
        Assert.True(SoundProbe.Rms(mix) > 1e-3);
    }

    [Fact]
    public void Events_after_the_range_are_ignored()
    {
        var later = new ImpactSound(0.2, new Vector3(0, 1.5f, -2), "metal", "metal", 5f);
        var mix = SoundProbe.Render([later], 0.19);
        Assert.All(mix, s => Assert.Equal(0f, s));
    }
}
