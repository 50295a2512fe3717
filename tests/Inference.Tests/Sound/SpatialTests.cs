using System.Numerics;
using Sora.Inference.World.Scene;
using Sora.Inference.World.Sound;

namespace Sora.Inference.Tests.Sound;

public class SpatialTests
{
    private static float[] HitAt(Vector3 position) =>
        SoundProbe.Render([new ImpactSound(0, position, "wood", "stone", 3f)], 0.5);

    [Fact]
    public void A_source_left_of_the_camera_is_louder_in_the_left_channel()
    {
        var left = HitAt(new Vector3(-3, 1.5f, -3));
        Assert.True(SoundProbe.Rms(SoundProbe.Channel(left, 0)) > 2 * SoundProbe.Rms(SoundProbe.Channel(left, 1)));
        var right = HitAt(new Vector3(3, 1.5f, -3));
        Assert.True(SoundProbe.Rms(SoundProbe.Channel(right, 1)) > 2 * SoundProbe.Rms(SoundProbe.Channel(right, 0)));
    }

    [Fact]
    public void Panning_follows_the_view_direction_not_the_world_axes()
    {
        // Camera turned to look along +X: a source at -Z is now on its left.
        CameraPose east(double _) => new(new Vector3(0, 1.5f, 0), new Vector3(10, 1.5f, 0), 50);
        var mix = SoundProbe.Render(SoundProbe.EffectsOnly(), SoundProbe.Quiet,
            [new ImpactSound(0, new Vector3(2, 1.5f, -4), "wood", "stone", 3f)], 0, SoundProbe.Rate / 2, listener: east);
        Assert.True(SoundProbe.Rms(SoundProbe.Channel(mix, 0)) > SoundProbe.Rms(SoundProbe.Channel(mix, 1)) * 1.5);
    }

    [Fact]
    public void A_source_straight_ahead_is_centred()
    {
        var ahead = HitAt(new Vector3(0, 1.5f, -3));
        var l = SoundProbe.Rms(SoundProbe.Channel(ahead, 0));
        var r = SoundProbe.Rms(SoundProbe.Channel(ahead, 1));
        Assert.InRange(l / r, 0.99, 1.01);
    }

    [Fact]
    public void A_farther_source_is_quieter()
    {
        var near = SoundProbe.Rms(HitAt(new Vector3(0, 1.5f, -3)));
        var far = SoundProbe.Rms(HitAt(new Vector3(0, 1.5f, -24)));
        Assert.True(far < near / 4, $"near {near:F4}, far {far:F4}");
    }

    [Fact]
    public void Equal_power_panning_keeps_the_power_constant_across_the_field()
    {
        var camera = SoundProbe.Camera(0);
        foreach (var x in new[] { -2f, -0.7f, 0f, 0.5f, 1.9f })
        {
            var (l, r) = Spatializer.Gains(new Vector3(x, 1.5f, -1f), camera);
            var distance = new Vector3(x, 0, -1f).Length();
            var attenuation = Spatializer.ReferenceDistance / Math.Max(Spatializer.ReferenceDistance, distance);
            Assert.Equal(attenuation * attenuation, l * l + r * r, 4);
        }
    }

    [Fact]
    public void An_engine_is_re_panned_as_the_camera_turns_past_it()
    {
        CameraPose turning(double t) => new(new Vector3(0, 1.5f, 0), new Vector3(MathF.Sin((float)t * 0.7f) * 10, 1.5f, -MathF.Cos((float)t * 0.7f) * 10), 50);
        var mix = SoundProbe.Render(SoundProbe.EffectsOnly(), SoundProbe.Quiet,
            [new EngineSound(0, new Vector3(0, 1.5f, -6), 3, "car", 1)], 0, 3 * SoundProbe.Rate, listener: turning);
        // Early the car is ahead; after the camera turned right it is on the left.
        var late = mix.AsSpan(2 * SoundProbe.Rate * 2, SoundProbe.Rate / 2 * 2).ToArray();
        var early = mix.AsSpan(0, SoundProbe.Rate / 4 * 2).ToArray();
        double Balance(float[] m) => SoundProbe.Rms(SoundProbe.Channel(m, 0)) / SoundProbe.Rms(SoundProbe.Channel(m, 1));
        Assert.InRange(Balance(early), 0.6, 1.6);
        Assert.True(Balance(late) > 2.5, $"late balance {Balance(late):F2}");
    }

    [Fact]
    public void A_car_driving_past_moves_from_one_side_to_the_other()
    {
        var car = new EngineSound(0, new Vector3(-10, 1.5f, -5), 2.5, "car", 1, Velocity: new Vector3(8, 0, 0));
        var mix = SoundProbe.Render([car], 2.5);
        double Balance(int from) =>
            SoundProbe.Rms(SoundProbe.Channel(mix[(from * 2)..((from + SoundProbe.Rate / 4) * 2)], 0)) /
            SoundProbe.Rms(SoundProbe.Channel(mix[(from * 2)..((from + SoundProbe.Rate / 4) * 2)], 1));
        Assert.True(Balance(SoundProbe.Rate / 4) > 2, $"early balance {Balance(SoundProbe.Rate / 4):F2}");
        Assert.True(Balance(2 * SoundProbe.Rate) < 0.5, $"late balance {Balance(2 * SoundProbe.Rate):F2}");
    }
}
