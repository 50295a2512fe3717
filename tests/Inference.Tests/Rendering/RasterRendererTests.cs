using System.Numerics;
using Sora.Inference.World.Rendering;
using Sora.Inference.World.Scene;

namespace Sora.Inference.Tests.Rendering;

public sealed class RasterRendererTests
{
    [Fact]
    public void Same_input_gives_the_same_bytes_and_a_later_frame_differs()
    {
        var look = ShowcaseScene.Look(width: 320, height: 180, weather: "rain");
        var first = RenderProbe.Render(look, ShowcaseScene.Frame(5, 5 / 24.0));
        var renderer = new RasterRenderer();
        RenderProbe.Render(look, ShowcaseScene.Frame(9, 9 / 24.0), renderer);
        var again = RenderProbe.Render(look, ShowcaseScene.Frame(5, 5 / 24.0), renderer);
        var later = RenderProbe.Render(look, ShowcaseScene.Frame(6, 6 / 24.0), renderer);

        Assert.Equal(first, again);
        Assert.NotEqual(first, later);
    }

    [Fact]
    public void Frames_drawn_side_by_side_are_the_frames_drawn_one_by_one()
    {
        var look = ShowcaseScene.Look(width: 160, height: 96, style: "anime");
        var frames = Enumerable.Range(0, 5).Select(i => ShowcaseScene.Frame(i, i / 24.0)).ToArray();
        var batch = new byte[frames.Length * 160 * 96 * 3];
        IFrameRenderer renderer = new RasterRenderer();
        renderer.RenderFrames(look, frames, batch);

        for (var i = 0; i < frames.Length; i++)
            Assert.Equal(RenderProbe.Render(look, frames[i]), batch.AsSpan(i * 160 * 96 * 3, 160 * 96 * 3).ToArray());
        var error = Assert.Throws<ArgumentException>(() => renderer.RenderFrames(look, frames, new byte[10]));
        Assert.Contains("5 frames of 160×96×3 bytes", error.Message);
    }

    [Fact]
    public void Rendering_a_batch_stops_when_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var look = ShowcaseScene.Look(width: 64, height: 48);
        var frames = Enumerable.Range(0, 4).Select(i => ShowcaseScene.Frame(i, i / 24.0)).ToArray();
        IFrameRenderer renderer = new RasterRenderer();
        Assert.ThrowsAny<OperationCanceledException>(() => renderer.RenderFrames(look, frames, new byte[4 * 64 * 48 * 3], cancel.Token));
    }

    [Fact]
    public void A_near_box_hides_a_far_sphere_where_they_overlap()
    {
        var camera = RenderProbe.FrontCamera;
        var look = RenderProbe.Look(width: 200, height: 120);
        var near = RenderProbe.Body(1, new BoxShape(new Vector3(0.3f)), new Vector3(0, 0.5f, 2), new Vector3(0.1f, 0.2f, 0.8f));
        var far = RenderProbe.Body(2, new SphereShape(0.8f), new Vector3(0, 0.8f, -2), new Vector3(0.8f, 0.1f, 0.1f));
        var (cx, cy) = RenderProbe.Project(camera, look.Width, look.Height, new Vector3(0, 0.5f, 2));

        // Either submission order gives the same picture: depth decides, not order.
        foreach (var order in new[] { new[] { near, far }, new[] { far, near } })
        {
            var renderer = new RasterRenderer();
            var pixels = RenderProbe.Render(look, RenderProbe.Frame(camera, order), renderer);
            var centre = RenderProbe.Pixel(pixels, look.Width, cx, cy);
            Assert.True(centre.Z > centre.X, $"the box (blue) should cover the sphere (red) at its centre, got {centre}");
            Assert.Equal(Array.IndexOf(order, near), renderer.LastItems[cy * look.Width + cx]);
        }
    }

    [Fact]
    public void A_body_casts_a_shadow_on_the_ground_in_daylight()
    {
        var camera = new CameraPose(new Vector3(0, 6, 8), new Vector3(0, 0, 0), 50);
        var look = RenderProbe.Look("desert", width: 240, height: 135);
        var empty = RenderProbe.Render(look, RenderProbe.Frame(camera));
        var box = RenderProbe.Body(1, new BoxShape(new Vector3(0.4f, 1.2f, 0.4f)), new Vector3(0, 1.2f, 0), new Vector3(0.8f, 0.8f, 0.8f));
        var withBox = RenderProbe.Render(look, RenderProbe.Frame(camera, box));

        // The day sun stands up and towards +x/+z, so the shadow falls towards -x/-z of the body.
        var sun = Vector3.Normalize(new Vector3(0.45f, 0, 0.55f));
        var shadowSpot = new Vector3(0, 0, 0) - sun * 1.0f;
        var (sx, sy) = RenderProbe.Project(camera, look.Width, look.Height, shadowSpot);
        var lit = RenderProbe.Luma(RenderProbe.Pixel(empty, look.Width, sx, sy));
        var shaded = RenderProbe.Luma(RenderProbe.Pixel(withBox, look.Width, sx, sy));
        Assert.True(shaded < lit * 0.75f, $"ground behind the box should be in shadow: {shaded} vs {lit} without the box");

        var (fx, fy) = RenderProbe.Project(camera, look.Width, look.Height, new Vector3(0, 0, 0) + sun * 1.5f);
        var sunnySide = RenderProbe.Luma(RenderProbe.Pixel(withBox, look.Width, fx, fy));
        Assert.True(sunnySide > shaded * 1.3f, $"ground on the sun's side stays lit: {sunnySide} vs {shaded}");
    }

    [Fact]
    public void A_glass_body_lets_the_background_show_through()
    {
        var camera = RenderProbe.FrontCamera;
        var look = RenderProbe.Look(width: 200, height: 120);
        var (cx, cy) = RenderProbe.Project(camera, look.Width, look.Height, new Vector3(0, 0.8f, 1));
        var background = RenderProbe.Body(1, new BoxShape(new Vector3(1.5f, 1.5f, 0.1f)), new Vector3(0, 1.0f, -2), new Vector3(0.9f, 0.1f, 0.1f));
        var pane = new BoxShape(new Vector3(0.5f, 0.5f, 0.05f));
        var glass = RenderProbe.Render(look, RenderProbe.Frame(camera, background,
            RenderProbe.Body(2, pane, new Vector3(0, 0.8f, 1), new Vector3(0.9f, 0.9f, 0.9f), SurfaceKind.Glass)));
        var opaque = RenderProbe.Render(look, RenderProbe.Frame(camera, background,
            RenderProbe.Body(2, pane, new Vector3(0, 0.8f, 1), new Vector3(0.9f, 0.9f, 0.9f))));
        var bare = RenderProbe.Render(look, RenderProbe.Frame(camera, background));

        var throughGlass = RenderProbe.Pixel(glass, look.Width, cx, cy);
        var withoutPane = RenderProbe.Pixel(bare, look.Width, cx, cy);
        var behindOpaque = RenderProbe.Pixel(opaque, look.Width, cx, cy);
        Assert.True(throughGlass.X > throughGlass.Y * 1.5f, $"the red wall shows through the glass, got {throughGlass}");
        Assert.True(Vector3.Distance(throughGlass, withoutPane) < 60, $"glass barely changes the wall's colour: {throughGlass} vs {withoutPane}");
        Assert.True(Vector3.Distance(behindOpaque, withoutPane) > 60, $"an opaque pane hides the wall: {behindOpaque} vs {withoutPane}");
    }

    [Fact]
    public void The_water_surface_is_visible_and_changes_with_its_heights()
    {
        var camera = new CameraPose(new Vector3(0, 3, 6), new Vector3(0, 0, -2), 55);
        var look = RenderProbe.Look("forest", width: 200, height: 120);
        var flat = new WaterSurface(-4, -6, 4, 1, 0, 32, 32, new float[32 * 32]);
        var waves = new float[32 * 32];
        for (var i = 0; i < waves.Length; i++) waves[i] = 0.12f * MathF.Sin(i % 32 * 0.8f) * MathF.Cos(i / 32 * 0.6f);
        var wavy = flat with { Heights = waves };

        var dry = RenderProbe.Render(look, new SceneFrame(0, 0, camera, [], null));
        var calm = RenderProbe.Render(look, new SceneFrame(0, 0, camera, [], flat));
        var rough = RenderProbe.Render(look, new SceneFrame(0, 0, camera, [], wavy));

        var (wx, wy) = RenderProbe.Project(camera, look.Width, look.Height, new Vector3(0, 0, -2));
        var water = RenderProbe.Pixel(calm, look.Width, wx, wy);
        var grass = RenderProbe.Pixel(dry, look.Width, wx, wy);
        Assert.True(Vector3.Distance(water, grass) > 30, $"water should replace the grass: {water} vs {grass}");
        Assert.True(water.Z > water.X, $"water is bluish, got {water}");
        Assert.True(RenderProbe.Difference(calm, rough) > 1, "waves in the height field must change the image");
    }

    [Fact]
    public void A_1280x720_frame_renders()
    {
        var look = ShowcaseScene.Look(width: 1280, height: 720);
        var pixels = RenderProbe.Render(look, ShowcaseScene.Frame(0, 0));
        var (mean, deviation, _) = RenderProbe.Statistics(pixels);
        Assert.InRange(mean, 40, 220);
        Assert.True(deviation > 10, "a real scene has contrast");
    }

    [Fact]
    public void A_wrong_buffer_size_is_rejected_with_a_clear_message()
    {
        var look = RenderProbe.Look(width: 64, height: 36);
        var error = Assert.Throws<ArgumentException>(() => new RasterRenderer().Render(look, RenderProbe.Frame(RenderProbe.FrontCamera), new byte[64 * 36 * 3 - 1]));
        Assert.Contains("64×36×3 = 6912 bytes", error.Message);
    }

    [Theory]
    [InlineData("volcano", "day", "clear", "cinematic", "Unknown environment 'volcano'")]
    [InlineData("beach", "noon", "clear", "cinematic", "Unknown time of day 'noon'")]
    [InlineData("beach", "day", "hail", "cinematic", "Unknown weather 'hail'")]
    [InlineData("beach", "day", "clear", "oil", "Unknown style 'oil'")]
    public void Unknown_look_names_are_rejected_with_the_allowed_values(string environment, string time, string weather, string style, string expected)
    {
        var look = new SceneLook(environment, time, weather, style, 64, 36, 24);
        var error = Assert.Throws<ArgumentException>(() => new RasterRenderer().Render(look, RenderProbe.Frame(RenderProbe.FrontCamera), new byte[64 * 36 * 3]));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Broken_bodies_and_water_are_rejected_with_a_clear_message()
    {
        var look = RenderProbe.Look(width: 64, height: 36);
        var pixels = new byte[64 * 36 * 3];
        var nan = RenderProbe.Body(7, new SphereShape(1), new Vector3(float.NaN, 0, 0), Vector3.One);
        var error = Assert.Throws<ArgumentException>(() => new RasterRenderer().Render(look, RenderProbe.Frame(RenderProbe.FrontCamera, nan), pixels));
        Assert.Contains("entity 7", error.Message);

        var water = new WaterSurface(0, 0, 1, 1, 0, 4, 4, new float[3]);
        error = Assert.Throws<ArgumentException>(() => new RasterRenderer().Render(look, new SceneFrame(0, 0, RenderProbe.FrontCamera, [], water), pixels));
        Assert.Contains("ResolutionX × ResolutionZ", error.Message);

        var flatHull = RenderProbe.Body(8, new ConvexHullShape([Vector3.Zero, Vector3.UnitX, Vector3.UnitZ, Vector3.One with { Y = 0 }]), Vector3.Zero, Vector3.One);
        error = Assert.Throws<ArgumentException>(() => new RasterRenderer().Render(look, RenderProbe.Frame(RenderProbe.FrontCamera, flatHull), pixels));
        Assert.Contains("one plane", error.Message);
    }

    [Fact]
    public void A_camera_inside_a_body_or_close_to_the_ground_still_renders()
    {
        var look = RenderProbe.Look(width: 96, height: 54);
        var inside = new CameraPose(new Vector3(0, 0.5f, 0), new Vector3(0, 0.5f, -3), 60);
        var body = RenderProbe.Body(1, new BoxShape(new Vector3(1)), new Vector3(0, 0.5f, 0), new Vector3(0.5f, 0.5f, 0.5f));
        RenderProbe.Render(look, RenderProbe.Frame(inside, body));
        var low = new CameraPose(new Vector3(0, 0.01f, 0), new Vector3(0, 0.01f, -3), 60);
        RenderProbe.Render(look, RenderProbe.Frame(low, body));
        var down = new CameraPose(new Vector3(0, 5, 0), new Vector3(0, 0, 0), 60);
        RenderProbe.Render(look, RenderProbe.Frame(down, body));
    }
}
