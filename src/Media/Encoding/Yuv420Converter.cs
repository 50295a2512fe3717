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
    private const int Shift = 16;
    private const int Half = 1 << (Shift - 1);

    // BT.601: Kr = 0.299, Kb = 0.114; luma scaled to 16..235, chroma to 16..240.
    private static readonly int YR = Fixed(219.0 / 255 * 0.299);
    private static readonly int YG = Fixed(219.0 / 255 * 0.587);
    private static readonly int YB = Fixed(219.0 / 255 * 0.114);
    private static readonly int UR = Fixed(-224.0 / 255 * 0.5 * 0.299 / (1 - 0.114));
    private static readonly int UG = Fixed(-224.0 / 255 * 0.5 * 0.587 / (1 - 0.114));
    private static readonly int UB = Fixed(224.0 / 255 * 0.5);
    private static readonly int VR = Fixed(224.0 / 255 * 0.5);
    private static readonly int VG = Fixed(-224.0 / 255 * 0.5 * 0.587 / (1 - 0.299));
    private static readonly int VB = Fixed(-224.0 / 255 * 0.5 * 0.114 / (1 - 0.299));

    /// <summary>4:2:0 halves the chroma both ways, so only even, positive frame sizes can be converted (and encoded).</summary>
    public static void ThrowIfUnsupportedSize(int width, int height)
    {
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0)
            throw new ArgumentException($"4:2:0 needs an even, positive frame size, not {width}×{height}", nameof(width));
    }

    /// <summary>Bytes of one I420 frame.</summary>
    public static int FrameBytes(int width, int height) => width * height + 2 * (width / 2) * (height / 2);

    /// <summary>Converts consecutive frames; <paramref name="i420"/> must hold as many I420 frames as <paramref name="rgb24"/> holds RGB24 ones.</summary>
    public static void Convert(ReadOnlySpan<byte> rgb24, int width, int height, Span<byte> i420)
    {
        ThrowIfUnsupportedSize(width, height);
        var rgbFrame = width * height * 3;
        var yuvFrame = FrameBytes(width, height);
        if (rgb24.Length % rgbFrame != 0 || i420.Length != rgb24.Length / rgbFrame * yuvFrame)
            throw new ArgumentException($"{rgb24.Length} RGB24 bytes and {i420.Length} I420 bytes are not the same whole number of {width}×{height} frames", nameof(i420));
        for (int from = 0, to = 0; from < rgb24.Length; from += rgbFrame, to += yuvFrame)
            ConvertFrame(rgb24.Slice(from, rgbFrame), width, height, i420.Slice(to, yuvFrame));
    }

    private static unsafe void ConvertFrame(ReadOnlySpan<byte> rgb, int width, int height, Span<byte> yuv)
    {
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
                Luma(top, target + y * width, width);
                Luma(bottom, target + (y + 1) * width, width);
                Chroma(top, bottom, chromaWidth, u + y / 2 * chromaWidth, v + y / 2 * chromaWidth);
            }
        }
    }

    private static unsafe void Luma(byte* row, byte* luma, int width)
    {
        for (var x = 0; x < width; x++, row += 3)
            luma[x] = (byte)((YR * row[0] + YG * row[1] + YB * row[2] + (16 << Shift) + Half) >> Shift);
    }

    private static unsafe void Chroma(byte* top, byte* bottom, int chromaWidth, byte* u, byte* v)
    {
        for (var cx = 0; cx < chromaWidth; cx++)
        {
            // Left neighbour clamped at the frame's edge; the right one always exists, as the width is even.
            var centre = cx * 6;
            var left = cx == 0 ? 0 : centre - 3;
            var right = centre + 3;
            int r = Tap(top, bottom, left, centre, right);
            int g = Tap(top + 1, bottom + 1, left, centre, right);
            int b = Tap(top + 2, bottom + 2, left, centre, right);
            // r, g and b are eight times the filtered value: fold the 1/8 into the shift.
            u[cx] = Clamp((UR * r + UG * g + UB * b + (128 << (Shift + 3)) + (Half << 3)) >> (Shift + 3));
            v[cx] = Clamp((VR * r + VG * g + VB * b + (128 << (Shift + 3)) + (Half << 3)) >> (Shift + 3));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe int Tap(byte* top, byte* bottom, int left, int centre, int right) =>
        top[left] + 2 * top[centre] + top[right] + bottom[left] + 2 * bottom[centre] + bottom[right];

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);

    private static int Fixed(double coefficient) => (int)Math.Round(coefficient * (1 << Shift));
}
