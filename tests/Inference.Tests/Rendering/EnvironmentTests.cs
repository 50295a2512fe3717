using Sora.Inference.World.Planning;
using Sora.Inference.World.Rendering;

namespace Sora.Inference.Tests.Rendering;

public sealed class EnvironmentTests
{
    [Fact]
    public void Every_environment_renders_and_each_looks_different()
    {
        var frame = ShowcaseScene.Frame(0, 0);
        var images = Catalog.Environments.Select(environment => RenderProbe.Render(ShowcaseScene.Look(environment, width: 192, height: 108), frame)).ToArray();
        for (var i = 0; i < images.Length; i++)
        for (var j = i + 1; j < images.Length; j++)
            Assert.True(RenderProbe.Difference(images[i], images[j]) > 4, $"{Catalog.Environments[i]} and {Catalog.Environments[j]} look the same");
    }

    [Theory]
    [InlineData("dawn")]
    [InlineData("sunset")]
    [InlineData("night")]
    public void Time_of_day_changes_the_light(string time)
    {
        var frame = ShowcaseScene.Frame(0, 0);
        var day = RenderProbe.Render(ShowcaseScene.Look("mountains", width: 192, height: 108), frame);
        var other = RenderProbe.Render(ShowcaseScene.Look("mountains", width: 192, height: 108, timeOfDay: time), frame);
        Assert.True(RenderProbe.Difference(day, other) > 8, $"{time} should look unlike day");
        if (time == "night") Assert.True(RenderProbe.Statistics(other).Mean < RenderProbe.Statistics(day).Mean * 0.5, "night is dark");
    }

    [Theory]
    [InlineData("cloudy")]
    [InlineData("rain")]
    [InlineData("snow")]
    [InlineData("fog")]
    public void Weather_is_visible(string weather)
    {
        var frame = ShowcaseScene.Frame(0, 0);
        var clear = RenderProbe.Render(ShowcaseScene.Look("street", width: 192, height: 108), frame);
        var other = RenderProbe.Render(ShowcaseScene.Look("street", width: 192, height: 108, weather: weather), frame);
        Assert.True(RenderProbe.Difference(clear, other) > 5, $"{weather} should be visible");
    }

    [Fact]
    public void Lit_windows_appear_in_the_city_at_night()
    {
        var frame = ShowcaseScene.Frame(0, 0);
        var pixels = RenderProbe.Render(ShowcaseScene.Look("city_night", width: 320, height: 180), frame);
        var warmBright = 0;
        for (var i = 0; i < pixels.Length; i += 3)
            if (pixels[i] > 150 && pixels[i] > pixels[i + 2] + 40) warmBright++;
        Assert.True(warmBright > 20, $"expected lit windows in the skyline, found {warmBright} warm bright pixels");
    }
}
