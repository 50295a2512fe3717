using System.Numerics;
using System.Runtime.InteropServices;

namespace Sora.Inference.World.Rendering;

/// <summary>
/// Turns HDR colour into the style's final pixels: exposure and tone curve, palette (saturation,
/// posterise, monochrome), outlines from item/depth/normal edges, paper, hatching, pixel blocks,
/// grain and vignette, then weather on top. Reads the geometry buffers, never writes them.
/// </summary>
internal sealed class StylePass(FrameBuffers buffers, StyleProfile style, WeatherOverlay weather, int frameIndex)
{
    private static readonly byte[] Bayer = [0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5];

    private readonly int block = Math.Max(2, buffers.Width / 214);
    private readonly int hatchPeriod = Math.Max(4, buffers.Width / 150);

    private readonly PaletteTone palette = new(style);
    private readonly bool perPixel = style.PosterizeLevels > 0 || style.OutlineWidth > 0 || style.Kind is StyleKind.Watercolor or StyleKind.Sketch;

    public void Row(int y, Span<byte> rgb)
    {
        int width = buffers.Width, height = buffers.Height;
        // Planar channels padded to whole vectors: every stage but the per-pixel one runs lane-parallel.
        var padded = (width + PaletteTone.Lanes - 1) / PaletteTone.Lanes * PaletteTone.Lanes;
        Span<float> channels = stackalloc float[padded * 3];
        var red = channels[..padded];
        var green = channels.Slice(padded, padded);
        var blue = channels.Slice(2 * padded, padded);
        var sy = style.Pixelate ? Math.Min(y / block * block + block / 2, height - 1) : y;
        var source = buffers.Color.AsSpan(sy * width, width);
        for (var x = 0; x < width; x++)
        {
            ref readonly var linear = ref source[style.Pixelate ? Math.Min(x / block * block + block / 2, width - 1) : x];
            red[x] = linear.X;
            green[x] = linear.Y;
            blue[x] = linear.Z;
        }
        palette.Apply(red, green, blue);
        if (perPixel) PerPixel(y, sy, width, red, green, blue);
        if (style.Grain > 0) AddGrain(y, red, green, blue);
        if (style.Vignette > 0) Vignette(y, height, width, red, green, blue);
        if (weather.Active) Weather(y, width, red, green, blue);
        Quantize(width, red, green, blue, rgb);
    }

    /// <summary>Posterising, outlines, watercolour and pencil: the stages that look at neighbours or branch per pixel.</summary>
    private void PerPixel(int y, int sy, int width, Span<float> red, Span<float> green, Span<float> blue)
    {
        for (var x = 0; x < width; x++)
        {
            var sx = style.Pixelate ? Math.Min(x / block * block + block / 2, width - 1) : x;
            var c = new Vector3(red[x], green[x], blue[x]);
            if (style.PosterizeLevels > 0)
            {
                var dither = style.Pixelate ? ((Bayer[(y / block & 3) * 4 + (x / block & 3)] + 0.5f) / 16 - 0.5f) * 0.5f : 0;
                c = Posterize(c, style.PosterizeLevels, dither);
            }

            var edge = style.OutlineWidth > 0 || style.Kind == StyleKind.Watercolor ? Edge(sx, sy, Math.Max(style.OutlineWidth, 1)) : 0;
            switch (style.Kind)
            {
                case StyleKind.Watercolor:
                {
                    // Pigment pools unevenly (large blotches) on a grainy paper, and darkens where washes meet.
                    var grain = Noise.Value(x * 0.4f, y * 0.4f, 80);
                    var blotch = NoiseTexture.Sample(x * 0.0025f, y * 0.0025f);
                    var pigment = 0.8f + style.Paper * ((grain - 0.5f) + (blotch - 0.5f) * 3);
                    c = Vector3.One - (Vector3.One - c) * pigment;
                    c *= 1 - 0.3f * edge;
                    c *= new Vector3(1.0f, 0.985f, 0.94f);
                    break;
                }
                case StyleKind.Sketch:
                    c = Sketch(x, y, c.X, edge);
                    break;
                default:
                    if (edge > 0) c = Vector3.Lerp(c, new Vector3(0.03f, 0.025f, 0.04f), edge);
                    break;
            }
            red[x] = c.X;
            green[x] = c.Y;
            blue[x] = c.Z;
        }
    }

    /// <summary>Film grain: one hashed value per pixel and frame, the same on all three channels.</summary>
    private void AddGrain(int y, Span<float> red, Span<float> green, Span<float> blue)
    {
        var rs = MemoryMarshal.Cast<float, Vector<float>>(red);
        var gs = MemoryMarshal.Cast<float, Vector<float>>(green);
        var bs = MemoryMarshal.Cast<float, Vector<float>>(blue);
        var half = new Vector<float>(0.5f);
        var amount = new Vector<float>(style.Grain);
        var x = Vector<uint>.Indices;
        var step = new Vector<uint>((uint)Vector<uint>.Count);
        for (var i = 0; i < rs.Length; i++, x += step)
        {
            var grain = (Noise.Hash01(x, y, frameIndex) - half) * amount * 2;
            rs[i] += grain;
            gs[i] += grain;
            bs[i] += grain;
        }
    }

    private void Vignette(int y, int height, int width, Span<float> red, Span<float> green, Span<float> blue)
    {
        var rs = MemoryMarshal.Cast<float, Vector<float>>(red);
        var gs = MemoryMarshal.Cast<float, Vector<float>>(green);
        var bs = MemoryMarshal.Cast<float, Vector<float>>(blue);
        var dy = y * (1f / height) - 0.5f;
        var invW = new Vector<float>(1f / width);
        var half = new Vector<float>(0.5f);
        var dy2 = new Vector<float>(dy * dy);
        var strength = new Vector<float>(style.Vignette);
        var x = Vector.ConvertToSingle(Vector<int>.Indices);
        var step = new Vector<float>(Vector<float>.Count);
        for (var i = 0; i < rs.Length; i++, x += step)
        {
            var dx = x * invW - half;
            var factor = Vector<float>.One - strength * (dx * dx + dy2) * 1.6f;
            rs[i] *= factor;
            gs[i] *= factor;
            bs[i] *= factor;
        }
    }

    private void Weather(int y, int width, Span<float> red, Span<float> green, Span<float> blue)
    {
        for (var x = 0; x < width; x++)
        {
            var cover = weather.Coverage(x, y);
            if (cover <= 0) continue;
            var c = Vector3.Lerp(new Vector3(red[x], green[x], blue[x]), new Vector3(0.85f, 0.88f, 0.92f), cover);
            red[x] = c.X;
            green[x] = c.Y;
            blue[x] = c.Z;
        }
    }

    /// <summary>To 8-bit RGB: clamped first, so the native (unchecked) conversion is exact and skips the saturating fix-ups.</summary>
    private static void Quantize(int width, Span<float> red, Span<float> green, Span<float> blue, Span<byte> rgb)
    {
        var rs = MemoryMarshal.Cast<float, Vector<float>>(red);
        var gs = MemoryMarshal.Cast<float, Vector<float>>(green);
        var bs = MemoryMarshal.Cast<float, Vector<float>>(blue);
        var ri = MemoryMarshal.Cast<float, Vector<int>>(red);
        var gi = MemoryMarshal.Cast<float, Vector<int>>(green);
        var bi = MemoryMarshal.Cast<float, Vector<int>>(blue);
        for (var i = 0; i < rs.Length; i++)
        {
            ri[i] = Level(rs[i]);
            gi[i] = Level(gs[i]);
            bi[i] = Level(bs[i]);
        }
        var r = MemoryMarshal.Cast<float, int>(red);
        var g = MemoryMarshal.Cast<float, int>(green);
        var b = MemoryMarshal.Cast<float, int>(blue);
        rgb = rgb[..(width * 3)];
        for (int x = 0, o = 0; x < width; x++, o += 3)
        {
            rgb[o + 2] = (byte)b[x];
            rgb[o] = (byte)r[x];
            rgb[o + 1] = (byte)g[x];
        }
    }

    private static Vector<int> Level(Vector<float> c) =>
        Vector.ConvertToInt32Native(Vector.ClampNative(c * 255 + new Vector<float>(0.5f), Vector<float>.Zero, new Vector<float>(255)));

    /// <summary>1 on an outline: a body meets something else, a depth jump, or a crease.</summary>
    private float Edge(int x, int y, int reach)
    {
        var width = buffers.Width;
        var i = y * width + x;
        var item = buffers.Item[i];
        var depth = buffers.Depth[i];
        var normal = buffers.Normal[i];
        var edge = 0f;
        Check(Math.Min(x + reach, width - 1), y);
        Check(Math.Max(x - reach, 0), y);
        Check(x, Math.Min(y + reach, buffers.Height - 1));
        Check(x, Math.Max(y - reach, 0));
        return edge;

        void Check(int nx, int ny)
        {
            var j = ny * width + nx;
            var other = buffers.Item[j];
            if (other != item)
            {
                if (item >= 0 || other >= 0) edge = 1;
                return;
            }
            if (item < 0) return;
            var otherDepth = buffers.Depth[j];
            if (MathF.Abs(otherDepth - depth) > 0.06f * float.MinNative(depth, otherDepth)) edge = 1;
            else if (Vector3.Dot(buffers.Normal[j], normal) < 0.6f) edge = float.MaxNative(edge, 0.7f);
        }
    }

    private Vector3 Sketch(int x, int y, float tone, float edge)
    {
        var paper = 0.93f + style.Paper * (Noise.Value(x * 0.5f, y * 0.5f, 90) - 0.5f);
        var ink = 0f;
        var p = hatchPeriod;
        if (tone < 0.5f && Frac((x + y) / (float)p) < 0.2f) ink += 0.4f;
        if (tone < 0.33f && Frac((x - y) / (float)p) < 0.2f) ink += 0.4f;
        if (tone < 0.18f && Frac(x / (float)p * 1.5f) < 0.3f) ink += 0.35f;
        ink = float.MaxNative(ink, edge * 0.85f);
        var graphite = paper * (1 - float.MinNative(ink, 0.9f));
        return new Vector3(graphite, graphite * 0.99f, graphite * 0.96f);
    }

    private static Vector3 Posterize(Vector3 c, int levels, float dither)
    {
        var steps = levels - 1;
        return new Vector3(
            MathF.Round(float.ClampNative(c.X * steps + dither, 0, steps)) / steps,
            MathF.Round(float.ClampNative(c.Y * steps + dither, 0, steps)) / steps,
            MathF.Round(float.ClampNative(c.Z * steps + dither, 0, steps)) / steps);
    }

    private static float Frac(float v) => v - MathF.Floor(v);
}
