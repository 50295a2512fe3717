using System.Runtime.Intrinsics;
using Sora.Inference.World.Rendering;

namespace Sora.Inference.Tests.Rendering;

/// <summary>Ground, water and sky shaded eight pixels at a time must look like the same pixels shaded one by one.</summary>
public sealed class LaneShadingTests
{
    [Theory]
    [InlineData("lake", "cinematic", "clear", "day")]
    [InlineData("lake", "anime", "fog", "sunset")]
    [InlineData("forest", "cinematic", "rain", "day")]
    [InlineData("mountains", "claymation", "clear", "dawn")]
    [InlineData("space", "noir", "clear", "day")]
    [InlineData("desert", "cinematic", "clear", "day")]
    [InlineData("street", "cartoon", "cloudy", "day")]
    [InlineData("lake", "watercolor", "clear", "night")]
    public void Ground_water_and_sky_shaded_eight_at_a_time_match_the_scalar_shader(string environment, string style, string weather, string time)
    {
        var look = ShowcaseScene.Look(environment, style, 320, 180, time, weather);
        var frame = ShowcaseScene.Frame(7, 7 / 24.0);
        var lanes = new RasterRenderer(shadeLanes: true);
        var vectorised = RenderProbe.Render(look, frame, lanes);
        var scalar = RenderProbe.Render(look, frame, new RasterRenderer(shadeLanes: false));

        var largest = 0;
        for (var i = 0; i < scalar.Length; i++) largest = Math.Max(largest, Math.Abs(scalar[i] - vectorised[i]));
        Assert.True(largest <= 2, $"a channel differs by {largest} levels between the two paths");
        Assert.True(RenderProbe.Difference(scalar, vectorised) < 0.05, $"mean difference {RenderProbe.Difference(scalar, vectorised)}");
        if (Vector256.IsHardwareAccelerated && GroundAlbedoLanes.Supports(EnvironmentKinds.Parse(environment)) && weather != "rain" && time != "night")
            Assert.True(lanes.LastLanePixels > look.Width * look.Height / 3, $"only {lanes.LastLanePixels} pixels took the eight-lane path");
    }

    [Fact]
    public void The_water_over_its_bed_is_shaded_eight_at_a_time_even_in_the_rain()
    {
        var look = ShowcaseScene.Look("forest", "cinematic", 320, 180, weather: "rain");
        var renderer = new RasterRenderer(shadeLanes: true);
        RenderProbe.Render(look, ShowcaseScene.Frame(3, 3 / 24.0), renderer);
        if (Vector256.IsHardwareAccelerated) Assert.True(renderer.LastLanePixels > 1000, $"{renderer.LastLanePixels} water pixels took the eight-lane path");
        var dry = new RasterRenderer(shadeLanes: false);
        RenderProbe.Render(look, ShowcaseScene.Frame(3, 3 / 24.0), dry);
        Assert.Equal(0, dry.LastLanePixels);
    }
}
