using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Sora.Inference.World.Rendering;

/// <summary>
/// The per-pixel palette stage of a style, from exposure and tone curve through gamma, saturation or monochrome,
/// shadow/highlight tint and contrast, computed for a whole row at once on planar channels with
/// <see cref="Vector{T}"/>: one lane per pixel instead of three of four lanes per pixel.
/// </summary>
internal sealed class PaletteTone(StyleProfile style)
{
    private readonly Vector<float> exposure = new(style.Exposure);
    private readonly Vector<float> saturation = new(style.Saturation);
    private readonly Vector<float> contrast = new(style.Contrast);
    private readonly bool tinted = style.ShadowTint != Vector3.One;

    /// <summary>Lanes per step; channel spans must be padded to a multiple of this.</summary>
    public static int Lanes => Vector<float>.Count;

    /// <summary>Tones the linear colours in <paramref name="r"/>, <paramref name="g"/>, <paramref name="b"/> in place (lengths a multiple of <see cref="Lanes"/>).</summary>
    public void Apply(Span<float> r, Span<float> g, Span<float> b)
    {
        var rs = MemoryMarshal.Cast<float, Vector<float>>(r);
        var gs = MemoryMarshal.Cast<float, Vector<float>>(g);
        var bs = MemoryMarshal.Cast<float, Vector<float>>(b);
        for (var i = 0; i < rs.Length; i++)
        {
            var red = Curve(rs[i] * exposure);
            var green = Curve(gs[i] * exposure);
            var blue = Curve(bs[i] * exposure);
            var luma = red * 0.2126f + green * 0.7152f + blue * 0.0722f;
            if (style.Monochrome) red = green = blue = luma;
            else if (style.Saturation != 1)
            {
                red = Unit(luma + (red - luma) * saturation);
                green = Unit(luma + (green - luma) * saturation);
                blue = Unit(luma + (blue - luma) * saturation);
            }
            if (tinted)
            {
                red *= Lerp(style.ShadowTint.X, style.HighlightTint.X, luma);
                green *= Lerp(style.ShadowTint.Y, style.HighlightTint.Y, luma);
                blue *= Lerp(style.ShadowTint.Z, style.HighlightTint.Z, luma);
            }
            if (style.Contrast != 1)
            {
                var half = new Vector<float>(0.5f);
                red = half + (red - half) * contrast;
                green = half + (green - half) * contrast;
                blue = half + (blue - half) * contrast;
            }
            rs[i] = red;
            gs[i] = green;
            bs[i] = blue;
        }
    }

    /// <summary>Tone curve, clamp to [0, 1] and the display gamma (square root).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector<float> Curve(Vector<float> x)
    {
        var one = Vector<float>.One;
        // Filmic: Narkowicz's fit of the ACES curve. Otherwise Reinhard with a white point of 2.
        var toned = style.Filmic
            ? x * (x * 2.51f + new Vector<float>(0.03f)) / (x * (x * 2.43f + new Vector<float>(0.59f)) + new Vector<float>(0.14f))
            : x * (one + x * 0.25f) / (one + x);
        return Vector.SquareRoot(Unit(toned));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Unit(Vector<float> x) => Vector.MinNative(Vector.MaxNative(x, Vector<float>.Zero), Vector<float>.One);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Lerp(float from, float to, Vector<float> amount) => new Vector<float>(from) + (new Vector<float>(to - from)) * amount;
}
