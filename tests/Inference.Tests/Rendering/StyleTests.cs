using Sora.Inference.World.Planning;
using Sora.Inference.World.Rendering;

namespace Sora.Inference.Tests.Rendering;

public sealed class StyleTests
{
    [Theory]
    [MemberData(nameof(NonCinematicStyles))]
    public void Every_style_looks_different_from_cinematic_but_keeps_every_silhouette(string style)
    {
        var frame = ShowcaseScene.Frame(3, 0.25);
        var cinematicRenderer = new RasterRenderer();
        var cinematic = RenderProbe.Render(ShowcaseScene.Look(style: "cinematic", width: 320, height: 180), frame, cinematicRenderer);
        var cinematicMask = BodyMask(cinematicRenderer);
        var styledRenderer = new RasterRenderer();
        var styled = RenderProbe.Render(ShowcaseScene.Look(style: style, width: 320, height: 180), frame, styledRenderer);

        var a = RenderProbe.Statistics(cinematic);
        var b = RenderProbe.Statistics(styled);
        var statisticsDiffer = Math.Abs(a.Mean - b.Mean) > 4 || Math.Abs(a.Deviation - b.Deviation) > 4 || Math.Abs(a.Saturation - b.Saturation) > 4;
        Assert.True(statisticsDiffer, $"{style} should differ from cinematic in image statistics: {a} vs {b}");
        Assert.True(RenderProbe.Difference(cinematic, styled) > 6, $"{style} should change the pixels noticeably");
        Assert.Equal(cinematicMask, BodyMask(styledRenderer));
        Assert.Contains(true, cinematicMask);
    }

    [Fact]
    public void All_styles_differ_from_each_other()
    {
        var frame = ShowcaseScene.Frame(3, 0.25);
        var images = Catalog.Styles.Select(style => RenderProbe.Render(ShowcaseScene.Look(style: style, width: 192, height: 108), frame)).ToArray();
        for (var i = 0; i < images.Length; i++)
        for (var j = i + 1; j < images.Length; j++)
            Assert.True(RenderProbe.Difference(images[i], images[j]) > 3, $"{Catalog.Styles[i]} and {Catalog.Styles[j]} look the same");
    }

    public static TheoryData<string> NonCinematicStyles() => [.. Catalog.Styles.Where(style => style != "cinematic")];

    private static bool[] BodyMask(RasterRenderer renderer) => renderer.LastItems.ToArray().Select(item => item >= 0).ToArray();
}
