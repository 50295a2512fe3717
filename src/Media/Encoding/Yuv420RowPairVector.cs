using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Sora.Media.Encoding;

/// <summary>
/// <see cref="Yuv420Converter"/>'s row pair, sixteen pixels at a time: byte shuffles sort the RGB24 bytes into R, G and
/// B, and the very fixed-point sums of the scalar path are done in 32-bit lanes, so both paths give the same bytes.
/// </summary>
internal static unsafe class Yuv420RowPairVector
{
    private const int Pixels = 16;

    public static bool IsSupported => Ssse3.IsSupported && Sse41.IsSupported;

    /// <summary>
    /// Converts the row pair's whole blocks of sixteen pixels from pixel <paramref name="from"/> (even) on; returns up to
    /// which pixel it converted (even).
    /// </summary>
    public static int Convert(byte* top, byte* bottom, int from, int width, byte* lumaTop, byte* lumaBottom, byte* u, byte* v, in Yuv420Coefficients k)
    {
        var masks = ChannelMasks.Instance;
        var x = from;
        for (; x + Pixels <= width; x += Pixels)
        {
            var (rt, gt, bt) = Deinterleave(top + x * 3, masks);
            var (rb, gb, bb) = Deinterleave(bottom + x * 3, masks);
            Luma(rt, gt, bt, k).Store(lumaTop + x);
            Luma(rb, gb, bb, k).Store(lumaBottom + x);

            // The chroma filter's left tap of the block's first sample is the previous block's last column (or, at the
            // frame's edge, the first column itself, as in the scalar path).
            var left = x == 0 ? 0 : (x - 1) * 3;
            var r = Taps(rt, rb, (ushort)(top[left] + bottom[left]), masks);
            var g = Taps(gt, gb, (ushort)(top[left + 1] + bottom[left + 1]), masks);
            var b = Taps(bt, bb, (ushort)(top[left + 2] + bottom[left + 2]), masks);
            StoreEight(Chroma(r, g, b, k.UR, k.UG, k.UB, k), u + x / 2);
            StoreEight(Chroma(r, g, b, k.VR, k.VG, k.VB, k), v + x / 2);
        }
        return x;
    }

    private static (Vector128<byte> R, Vector128<byte> G, Vector128<byte> B) Deinterleave(byte* rgb, ChannelMasks m)
    {
        var a = Vector128.Load(rgb);
        var b = Vector128.Load(rgb + 16);
        var c = Vector128.Load(rgb + 32);
        return (Gather(a, b, c, m.R), Gather(a, b, c, m.G), Gather(a, b, c, m.B));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Gather(Vector128<byte> a, Vector128<byte> b, Vector128<byte> c, (Vector128<byte> A, Vector128<byte> B, Vector128<byte> C) mask) =>
        Ssse3.Shuffle(a, mask.A) | Ssse3.Shuffle(b, mask.B) | Ssse3.Shuffle(c, mask.C);

    private static Vector128<byte> Luma(Vector128<byte> r, Vector128<byte> g, Vector128<byte> b, in Yuv420Coefficients k)
    {
        var (r0, r1) = Vector128.Widen(r);
        var (g0, g1) = Vector128.Widen(g);
        var (b0, b1) = Vector128.Widen(b);
        return Vector128.Narrow(Luma(r0, g0, b0, k), Luma(r1, g1, b1, k));
    }

    private static Vector128<ushort> Luma(Vector128<ushort> r, Vector128<ushort> g, Vector128<ushort> b, in Yuv420Coefficients k)
    {
        var (r0, r1) = Vector128.Widen(r);
        var (g0, g1) = Vector128.Widen(g);
        var (b0, b1) = Vector128.Widen(b);
        return Vector128.Narrow(Luma(r0, g0, b0, k), Luma(r1, g1, b1, k));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> Luma(Vector128<uint> r, Vector128<uint> g, Vector128<uint> b, in Yuv420Coefficients k) =>
        (r * (uint)k.YR + g * (uint)k.YG + b * (uint)k.YB + Vector128.Create((uint)k.LumaOffset)) >> Yuv420Coefficients.Shift;

    /// <summary>
    /// The [1 2 1] filter over the two rows' sums at the eight even columns: the even column twice, the odd column after
    /// it and the odd column before it (the last one of the previous block: <paramref name="left"/>).
    /// </summary>
    private static Vector128<ushort> Taps(Vector128<byte> top, Vector128<byte> bottom, ushort left, ChannelMasks m)
    {
        var even = Vector128.WidenLower(Ssse3.Shuffle(top, m.Even)) + Vector128.WidenLower(Ssse3.Shuffle(bottom, m.Even));
        var odd = Vector128.WidenLower(Ssse3.Shuffle(top, m.Odd)) + Vector128.WidenLower(Ssse3.Shuffle(bottom, m.Odd));
        var before = Sse2.ShiftLeftLogical128BitLane(odd.AsByte(), 2).AsUInt16().WithElement(0, left);
        return before + even + even + odd;
    }

    private static Vector128<byte> Chroma(Vector128<ushort> r, Vector128<ushort> g, Vector128<ushort> b, int kr, int kg, int kb, in Yuv420Coefficients k)
    {
        var (r0, r1) = Vector128.Widen(r);
        var (g0, g1) = Vector128.Widen(g);
        var (b0, b1) = Vector128.Widen(b);
        var low = Chroma(r0.AsInt32(), g0.AsInt32(), b0.AsInt32(), kr, kg, kb, k);
        var high = Chroma(r1.AsInt32(), g1.AsInt32(), b1.AsInt32(), kr, kg, kb, k);
        var words = Vector128.Narrow(low.AsUInt32(), high.AsUInt32());
        return Vector128.Narrow(words, words);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<int> Chroma(Vector128<int> r, Vector128<int> g, Vector128<int> b, int kr, int kg, int kb, in Yuv420Coefficients k)
    {
        var sum = (r * kr + g * kg + b * kb + Vector128.Create(k.ChromaOffset)) >> Yuv420Coefficients.ChromaShift;
        return Vector128.Min(Vector128.Max(sum, Vector128<int>.Zero), Vector128.Create(255));
    }

    private static void StoreEight(Vector128<byte> bytes, byte* target) => *(ulong*)target = bytes.AsUInt64().ToScalar();

    /// <summary>The byte shuffles, built once: for each channel, where its bytes lie in the three loaded registers.</summary>
    private sealed class ChannelMasks
    {
        public static readonly ChannelMasks Instance = new();

        public readonly (Vector128<byte> A, Vector128<byte> B, Vector128<byte> C) R = Channel(0), G = Channel(1), B = Channel(2);
        public readonly Vector128<byte> Even = Every(0), Odd = Every(1);

        /// <summary>Pixel p's channel byte is at 3p + channel of the 48 loaded bytes; a shuffle index with its top bit set gives 0.</summary>
        private static (Vector128<byte>, Vector128<byte>, Vector128<byte>) Channel(int channel)
        {
            var masks = new byte[3][];
            for (var register = 0; register < 3; register++)
            {
                masks[register] = new byte[Pixels];
                for (var pixel = 0; pixel < Pixels; pixel++)
                {
                    var at = 3 * pixel + channel - 16 * register;
                    masks[register][pixel] = at is >= 0 and < 16 ? (byte)at : (byte)0x80;
                }
            }
            return (Vector128.Create(masks[0]), Vector128.Create(masks[1]), Vector128.Create(masks[2]));
        }

        private static Vector128<byte> Every(int first)
        {
            var mask = new byte[Pixels];
            for (var i = 0; i < Pixels; i++) mask[i] = i < Pixels / 2 ? (byte)(first + 2 * i) : (byte)0x80;
            return Vector128.Create(mask);
        }
    }
}
