using System.Runtime.InteropServices;
using Sora.Inference.World.Planning;
using Sora.Inference.World.Scene;

namespace Sora.Inference.World.Rendering;

/// <summary>
/// The World engine's CPU renderer: a tiled, multi-threaded z-buffer rasteriser with deferred shading
/// (sun, sky, shadow map, materials, glass and water, fog), traced environment backdrops, weather and
/// eight styles. Deterministic: each pixel is computed by one thread from the same inputs in the same
/// order, so the bytes do not depend on scheduling. Buffers and meshes are kept between frames.
/// </summary>
public sealed class RasterRenderer : IFrameRenderer
{
    public const int MaxWidth = 3840;
    public const int MaxHeight = 2160;

    private readonly MeshCache meshes = new();
    private readonly TriangleSetup setup = new();
    private readonly BandBins bins = new();
    private readonly ShadowMap shadows = new();
    private readonly FrameBuffers buffers = new();

    public void Render(SceneLook look, SceneFrame frame, Span<byte> rgb24)
    {
        ArgumentNullException.ThrowIfNull(look);
        ArgumentNullException.ThrowIfNull(frame);
        Validate(look, frame, rgb24.Length);
        var environment = EnvironmentKinds.Parse(look.Environment);
        var style = StyleProfile.Parse(look.Style);
        int width = look.Width, height = look.Height;

        var camera = new ViewCamera(frame.Camera, width, height);
        var atmosphere = Atmosphere.For(look);
        var time = (float)frame.Time;
        buffers.Ensure(width, height);
        setup.Build(camera, frame.Bodies, frame.Water, meshes);
        shadows.Build(setup.Casters, atmosphere.SunDirection);
        bins.Fill(setup.Triangles, height);

        var sky = new SkyBackdrop(environment, atmosphere, time);
        var ground = new EnvironmentGround(environment, camera.Eye, frame.Water, time);
        var wet = look.Weather == "rain" && environment is not (EnvironmentKind.Kitchen or EnvironmentKind.Room or EnvironmentKind.Space or EnvironmentKind.Underwater);
        var shader = new SurfaceShader(atmosphere, sky, ground, shadows, style, frame.Bodies, camera.Eye, wet);
        var weather = new WeatherOverlay(IsOutdoor(environment) ? look.Weather : "clear", time, width);
        var post = new StylePass(buffers, style, weather, frame.Index);

        Parallel.For(0, bins.BandCount, band =>
        {
            var top = band * BandBins.BandHeight;
            var bottom = Math.Min(top + BandBins.BandHeight, height);
            PrepareBand(camera, ground, top, bottom);
            BandRasterizer.Draw(buffers, setup.Triangles, bins.Band(band), top, bottom);
            ShadeBand(camera, shader, top, bottom);
        });

        unsafe
        {
            fixed (byte* pixels = &MemoryMarshal.GetReference(rgb24))
            {
                var address = (nint)pixels;
                var stride = width * 3;
                Parallel.For(0, bins.BandCount, band =>
                {
                    var bottom = Math.Min((band + 1) * BandBins.BandHeight, height);
                    for (var y = band * BandBins.BandHeight; y < bottom; y++)
                        post.Row(y, new Span<byte>((byte*)address + (long)y * stride, stride));
                });
            }
        }
    }

    /// <summary>What each pixel of the last frame shows: a body's index in <see cref="SceneFrame.Bodies"/>, or a negative code for the environment, water and sky.</summary>
    internal ReadOnlySpan<int> LastItems => buffers.Item;

    private void PrepareBand(in ViewCamera camera, EnvironmentGround ground, int top, int bottom)
    {
        var width = camera.Width;
        for (var y = top; y < bottom; y++)
        {
            var row = y * width;
            for (var x = 0; x < width; x++)
            {
                var i = row + x;
                buffers.Item[i] = ground.Hit(camera.Eye, camera.Ray(x, y), out buffers.Depth[i], out buffers.Normal[i]);
                buffers.ClearDepth[i] = float.PositiveInfinity;
                buffers.ClearItem[i] = SceneItem.Sky;
            }
        }
    }

    private void ShadeBand(in ViewCamera camera, SurfaceShader shader, int top, int bottom)
    {
        var width = camera.Width;
        for (var y = top; y < bottom; y++)
        {
            var row = y * width;
            for (var x = 0; x < width; x++)
            {
                var i = row + x;
                buffers.Color[i] = shader.Shade(camera.Ray(x, y), buffers.Item[i], buffers.Depth[i], buffers.Normal[i],
                    buffers.ClearItem[i], buffers.ClearDepth[i], buffers.ClearNormal[i]);
            }
        }
    }

    private static bool IsOutdoor(EnvironmentKind environment) =>
        environment is not (EnvironmentKind.Kitchen or EnvironmentKind.Room or EnvironmentKind.Space or EnvironmentKind.Underwater);

    private static void Validate(SceneLook look, SceneFrame frame, int bufferLength)
    {
        if (look.Width < 8 || look.Height < 8 || look.Width > MaxWidth || look.Height > MaxHeight)
            throw new ArgumentException($"The image size must be between 8×8 and {MaxWidth}×{MaxHeight}, not {look.Width}×{look.Height}.", nameof(look));
        var expected = (long)look.Width * look.Height * 3;
        if (bufferLength != expected)
            throw new ArgumentException($"The RGB24 buffer must hold {look.Width}×{look.Height}×3 = {expected} bytes, but it holds {bufferLength}.", "rgb24");
        if (!Catalog.TimesOfDay.Contains(look.TimeOfDay))
            throw new ArgumentException($"Unknown time of day '{look.TimeOfDay}'; expected one of: {string.Join(", ", Catalog.TimesOfDay)}.", nameof(look));
        if (!Catalog.Weathers.Contains(look.Weather))
            throw new ArgumentException($"Unknown weather '{look.Weather}'; expected one of: {string.Join(", ", Catalog.Weathers)}.", nameof(look));
        ArgumentNullException.ThrowIfNull(frame.Bodies, nameof(frame));
        for (var i = 0; i < frame.Bodies.Count; i++)
        {
            var body = frame.Bodies[i];
            if (body.Shape is null)
                throw new ArgumentException($"Body {i} (entity {body.EntityId}) has no shape.", nameof(frame));
            var p = body.Position;
            var q = body.Rotation;
            if (!float.IsFinite(p.X + p.Y + p.Z + q.X + q.Y + q.Z + q.W))
                throw new ArgumentException($"Body {i} (entity {body.EntityId}) has a position or rotation that is not a finite number.", nameof(frame));
        }
        if (frame.Water is { } water)
        {
            if (water.ResolutionX < 2 || water.ResolutionZ < 2 || water.Heights is null || water.Heights.Length != water.ResolutionX * water.ResolutionZ)
                throw new ArgumentException($"The water surface needs at least 2×2 samples and exactly ResolutionX × ResolutionZ heights ({water.ResolutionX}×{water.ResolutionZ}).", nameof(frame));
            if (!(water.MaxX > water.MinX && water.MaxZ > water.MinZ))
                throw new ArgumentException("The water surface's rectangle is empty (Max must exceed Min).", nameof(frame));
        }
    }
}
