using System.Runtime.CompilerServices;

namespace Sora.Media.Encoding;

/// <summary>
/// RGB24 to planar YUV 4:2:0 (I420: the Y plane, then U, then V) with the BT.601 matrix in limited range, which is
/// what the encoder stores. Done here instead of in ffmpeg: the encoder then gets half the bytes and skips its own
/// scaler. Chroma is sited as H.264 expects by default (with the even luma columns, between the two rows): a
/// [1 2 1] filter across and the mean of the two rows.
/// </summary>
public static class Yuv420Converter
{
    /// <summary>4:2:0 halves the chroma both ways, so only even, positive frame sizes can be converted (and encoded).</summary>
    public static void ThrowIfUnsupportedSize(int width, int height)
    {
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0)
            throw new ArgumentException($"4:2:0 needs an even, positive frame size, not {width}×{height}", nameof(width));
    }

    /// <summary>Bytes of one I420 frame.</summary>
    public static int FrameBytes(int width, int height) => width * height + 2 * (width / 2) * (height / 2);

    /// <summary>Converts consecutive frames; <paramref name="i420"/> must hold as many I420 frames as <paramref name="rgb24"/> holds RGB24 ones.</summary>
    public static void Convert(ReadOnlySpan<byte> rgb24, int width, int height, Span<byte> i420) =>
        Convert(rgb24, width, height, i420, WidestVectors);

    /// <summary>The widest vectors this machine converts with.</summary>
    internal static Yuv420Vectors WidestVectors =>
        Yuv420RowPairAvx2.IsSupported ? Yuv420Vectors.Bits256 : Yuv420RowPairVector.IsSupported ? Yuv420Vectors.Bits128 : Yuv420Vectors.None;

    /// <summary>As the public overload, with vectors no wider than <paramref name="vectors"/> (to compare the paths).</summary>
    internal static void Convert(ReadOnlySpan<byte> rgb24, int width, int height, Span<byte> i420, Yuv420Vectors vectors)
    {
        ThrowIfUnsupportedSize(width, height);
        var rgbFrame = width * height * 3;
        var yuvFrame = FrameBytes(width, height);
        if (rgb24.Length % rgbFrame != 0 || i420.Length != rgb24.Length / rgbFrame * yuvFrame)
            throw new ArgumentException($"{rgb24.Length} RGB24 bytes and {i420.Length} I420 bytes are not the same whole number of {width}×{height} frames", nameof(i420));
        if (vectors > WidestVectors)
            throw new PlatformNotSupportedException($"this machine has no {vectors} vectors");
        for (int from = 0, to = 0; from < rgb24.Length; from += rgbFrame, to += yuvFrame)
            ConvertFrame(rgb24.Slice(from, rgbFrame), width, height, i420.Slice(to, yuvFrame), vectors);
    }

    private static unsafe void ConvertFrame(ReadOnlySpan<byte> rgb, int width, int height, Span<byte> yuv, Yuv420Vectors vectors)
    {
        ref readonly var k = ref Yuv420Coefficients.Bt601LimitedRange;
        var chromaWidth = width / 2;
        var chromaSize = chromaWidth * (height / 2);
        fixed (byte* source = rgb)
        fixed (byte* target = yuv)
        {
            var stride = width * 3;
            byte* u = target + width * height, v = u + chromaSize;
            for (var y = 0; y < height; y += 2)
            {
                var top = source + y * stride;
                var bottom = top + stride;
                byte* lumaTop = target + y * width, lumaBottom = lumaTop + width;
                byte* rowU = u + y / 2 * chromaWidth, rowV = v + y / 2 * chromaWidth;
                // Each narrower path goes on where the wider one stopped, the scalar one finishes the row pair.
                var done = vectors == Yuv420Vectors.Bits256 ? Yuv420RowPairAvx2.Convert(top, bottom, width, lumaTop, lumaBottom, rowU, rowV, k) : 0;
                if (vectors >= Yuv420Vectors.Bits128)
                    done = Yuv420RowPairVector.Convert(top, bottom, done, width, lumaTop, lumaBottom, rowU, rowV, k);
                Luma(top, lumaTop, done, width, k);
                Luma(bottom, lumaBottom, done, width, k);
                Chroma(top, bottom, done / 2, chromaWidth, rowU, rowV, k);
            }
        }
    }

    private static unsafe void Luma(byte* row, byte* luma, int from, int width, in Yuv420Coefficients k)
    {
        row += from * 3;
        for (var x = from; x < width; x++, row += 3)
            luma[x] = (byte)((k.YR * row[0] + k.YG * row[1] + k.YB * row[2] + k.LumaOffset) >> Yuv420Coefficients.Shift);
    }

    private static unsafe void Chroma(byte* top, byte* bottom, int from, int chromaWidth, byte* u, byte* v, in Yuv420Coefficients k)
    {
        for (var cx = from; cx < chromaWidth; cx++)
        {
            // Left neighbour clamped at the frame's edge; the right one always exists, as the width is even.
            var centre = cx * 6;
            var left = cx == 0 ? 0 : centre - 3;
            var right = centre + 3;
            int r = Tap(top, bottom, left, centre, right);
            int g = Tap(top + 1, bottom + 1, left, centre, right);
            int b = Tap(top + 2, bottom + 2, left, centre, right);
            // r, g and b are eight times the filtered value: the coefficients' chroma shift takes the 1/8 out.
            u[cx] = Clamp((k.UR * r + k.UG * g + k.UB * b + k.ChromaOffset) >> Yuv420Coefficients.ChromaShift);
            v[cx] = Clamp((k.VR * r + k.VG * g + k.VB * b + k.ChromaOffset) >> Yuv420Coefficients.ChromaShift);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe int Tap(byte* top, byte* bottom, int left, int centre, int right) =>
        top[left] + 2 * top[centre] + top[right] + bottom[left] + 2 * bottom[centre] + bottom[right];

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);
}
