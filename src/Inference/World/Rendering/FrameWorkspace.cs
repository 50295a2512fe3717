using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Sora.Inference.World.Scene;

namespace Sora.Inference.World.Rendering;

/// <summary>
/// Everything one frame is drawn with (meshes, triangles, bins, shadow map, pixel buffers), kept between frames.
/// A frame's bands are shaded in parallel; one workspace draws one frame at a time.
/// </summary>
internal sealed class FrameWorkspace(bool shadeLanes)
{
    /// <summary>Whether ground, water and sky are shaded eight pixels at a time: asked for, and the CPU can.</summary>
    private readonly bool lanesOn = shadeLanes && Vector256.IsHardwareAccelerated;

    private static readonly Vector256<float> LaneCentres = Vector256.Create(0.5f, 1.5f, 2.5f, 3.5f, 4.5f, 5.5f, 6.5f, 7.5f);

    private readonly MeshCache meshes = new();
    private readonly TriangleSetup setup = new();
    private readonly BandBins bins = new();
    private readonly ShadowMap shadows = new();
    private readonly FrameBuffers buffers = new();

    private int lanePixels;

    public ReadOnlySpan<int> Items => buffers.Item;

    /// <summary>How many pixels of the last frame the eight-lane shader coloured.</summary>
    public int LanePixels => lanePixels;

    /// <param name="rgb24">The frame's validated output: Width × Height × 3 bytes.</param>
    public void Render(SceneLook look, SceneFrame frame, Span<byte> rgb24)
    {
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
        var wet = look.Weather == "rain" && IsOutdoor(environment);
        var shader = new SurfaceShader(atmosphere, sky, ground, shadows, style, frame.Bodies, camera.Eye, wet);
        var weather = new WeatherOverlay(IsOutdoor(environment) ? look.Weather : "clear", time, width);
        var post = new StylePass(buffers, style, weather, frame.Index);
        var lanes = lanesOn
            ? new SurfaceLaneShader(atmosphere, sky, environment, shadows, style, frame.Bodies.Count, camera.Eye, wet)
            : null;

        lanePixels = 0;
        Parallel.For(0, bins.BandCount, band =>
        {
            var top = band * BandBins.BandHeight;
            var bottom = Math.Min(top + BandBins.BandHeight, height);
            PrepareBand(camera, ground, top, bottom);
            BandRasterizer.Draw(buffers, setup.Triangles, bins.Band(band), top, bottom);
            ShadeBand(camera, shader, lanes, top, bottom);
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

    private void PrepareBand(in ViewCamera camera, EnvironmentGround ground, int top, int bottom)
    {
        var width = camera.Width;
        var step = camera.ColumnStep;
        buffers.ClearDepth.AsSpan(top * width, (bottom - top) * width).Fill(float.PositiveInfinity);
        buffers.ClearItem.AsSpan(top * width, (bottom - top) * width).Fill(SceneItem.Sky);
        for (var y = top; y < bottom; y++)
        {
            var row = y * width;
            var start = camera.RowStart(y);
            var x = 0;
            if (lanesOn)
            {
                for (; x + SurfaceLaneShader.Lanes <= width; x += SurfaceLaneShader.Lanes)
                {
                    if (!ground.HitLanes(camera.Eye, Ray(start, step, x), out var item, out var depth)) break;
                    item.StoreUnsafe(ref buffers.Item[row + x]);
                    depth.StoreUnsafe(ref buffers.Depth[row + x]);
                    buffers.Normal.AsSpan(row + x, SurfaceLaneShader.Lanes).Fill(Vector3.UnitY);
                }
            }
            for (; x < width; x++)
            {
                var i = row + x;
                buffers.Item[i] = ground.Hit(camera.Eye, start + step * (x + 0.5f), out buffers.Depth[i], out buffers.Normal[i]);
            }
        }
    }

    /// <summary>The rays of pixels <paramref name="x"/> … +7 of a row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector3Lanes Ray(in Vector3 start, in Vector3 step, int x)
    {
        // Column offsets are whole numbers plus a half: exact in float, so each lane's ray has the bits of the scalar expression.
        var column = Vector256.Create((float)x) + LaneCentres;
        return new Vector3Lanes(Vector256.Create(start.X) + Vector256.Create(step.X) * column,
            Vector256.Create(start.Y) + Vector256.Create(step.Y) * column, Vector256.Create(start.Z) + Vector256.Create(step.Z) * column);
    }

    private void ShadeBand(in ViewCamera camera, SurfaceShader shader, SurfaceLaneShader? lanes, int top, int bottom)
    {
        var width = camera.Width;
        var laneShaded = 0;
        var step = camera.ColumnStep;
        for (var y = top; y < bottom; y++)
        {
            var row = y * width;
            var start = camera.RowStart(y);
            var x = 0;
            if (lanes is not null)
            {
                for (; x + SurfaceLaneShader.Lanes <= width; x += SurfaceLaneShader.Lanes)
                {
                    var shaded = lanes.Shade(buffers, row + x, Ray(start, step, x));
                    laneShaded += BitOperations.PopCount((uint)shaded);
                    if (shaded == (1 << SurfaceLaneShader.Lanes) - 1) continue;
                    for (var lane = 0; lane < SurfaceLaneShader.Lanes; lane++)
                        if ((shaded >> lane & 1) == 0) ShadePixel(shader, start, step, row, x + lane);
                }
            }
            for (; x < width; x++) ShadePixel(shader, start, step, row, x);
        }
        if (laneShaded > 0) Interlocked.Add(ref lanePixels, laneShaded);
    }

    private void ShadePixel(SurfaceShader shader, in Vector3 start, in Vector3 step, int row, int x)
    {
        var i = row + x;
        // The same expression as in PrepareBand, so both passes see the very same ray.
        buffers.Color[i] = shader.Shade(start + step * (x + 0.5f), buffers.Item[i], buffers.Depth[i], buffers.Normal[i],
            buffers.ClearItem[i], buffers.ClearDepth[i], buffers.ClearNormal[i]);
    }

    private static bool IsOutdoor(EnvironmentKind environment) =>
        environment is not (EnvironmentKind.Kitchen or EnvironmentKind.Room or EnvironmentKind.Space or EnvironmentKind.Underwater);
}
