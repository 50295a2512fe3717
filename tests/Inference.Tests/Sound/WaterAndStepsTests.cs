using System.Numerics;
using Sora.Inference.World.Scene;

namespace Sora.Inference.Tests.Sound;

public class WaterAndStepsTests
{
    private static readonly Vector3 InFront = new(0, 1.5f, -3);

    [Fact]
    public void Splash_energy_grows_with_entry_speed()
    {
        double SplashEnergy(float speed) => SoundProbe.Energy(SoundProbe.Mono(SoundProbe.Render([new SplashSound(0, InFront, speed, 10f)], 3)));
        var slow = SplashEnergy(1);
        var medium = SplashEnergy(3);
        var fast = SplashEnergy(8);
        Assert.True(medium > slow * 1.5 && fast > medium * 1.5, $"energies {slow:F3} < {medium:F3} < {fast:F3}");
    }

    [Fact]
    public void A_heavier_splash_lasts_longer()
    {
        double Duration(float mass) => SoundProbe.DecaySeconds(SoundProbe.Mono(SoundProbe.Render([new SplashSound(0, InFront, 4f, mass)], 3)));
        Assert.True(Duration(60f) > Duration(0.5f), $"durations {Duration(0.5f):F2} s vs {Duration(60f):F2} s");
    }

    [Fact]
    public void Footsteps_sound_different_on_each_surface()
    {
        var surfaces = new[] { "grass", "sand", "wood", "stone", "snow", "water" };
        var centroids = surfaces.ToDictionary(s => s,
            s => SoundProbe.SpectralCentroid(SoundProbe.Mono(SoundProbe.Render([new FootstepSound(0, InFront, s, 70)], 0.5)), 8192));
        Assert.Equal(surfaces.Length, centroids.Values.Select(c => Math.Round(c / 25)).Distinct().Count());
        Assert.True(centroids["grass"] > centroids["wood"], $"grass {centroids["grass"]:F0} Hz vs wood {centroids["wood"]:F0} Hz");
    }

    [Fact]
    public void A_heavier_walker_steps_louder()
    {
        double Step(float mass) => SoundProbe.Rms(SoundProbe.Render([new FootstepSound(0, InFront, "wood", mass)], 0.4));
        Assert.True(Step(90) > Step(8));
    }

    [Fact]
    public void An_engine_hums_while_it_runs_and_stops_after()
    {
        foreach (var kind in new[] { "car", "drone", "airplane" })
        {
            var mono = SoundProbe.Mono(SoundProbe.Render([new EngineSound(0.5, new Vector3(0, 1.5f, -8), 1.5, kind, 1)], 3.5));
            Assert.All(mono[..(SoundProbe.Rate / 2)], s => Assert.Equal(0f, s));
            Assert.True(SoundProbe.Rms(mono.AsSpan(SoundProbe.Rate, SoundProbe.Rate / 2)) > 0.005, $"{kind} is too quiet while running");
            Assert.All(mono[(int)(2.5 * SoundProbe.Rate)..], s => Assert.Equal(0f, s));
        }
    }

    [Fact]
    public void Car_drone_and_airplane_differ_in_colour()
    {
        double Centroid(string kind) =>
            SoundProbe.SpectralCentroid(SoundProbe.Mono(SoundProbe.Render([new EngineSound(0, new Vector3(0, 1.5f, -8), 2, kind, 1)], 1.5)).AsSpan(SoundProbe.Rate / 2).ToArray());
        var car = Centroid("car");
        var drone = Centroid("drone");
        Assert.True(car < drone, $"car {car:F0} Hz, drone {drone:F0} Hz");
        Assert.NotEqual(Math.Round(Centroid("airplane")), Math.Round(car));
    }
}
