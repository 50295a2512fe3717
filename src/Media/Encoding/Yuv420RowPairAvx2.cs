using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Sora.Media.Encoding;

/// <summary>
/// <see cref="Yuv420Converter"/>'s row pair, 32 pixels at a time with AVX2, giving the scalar path's bytes. Each pixel's
/// bytes are shuffled into a 32-bit lane as two 16-bit words, (R, B) in one register and (G, G) in another, so that
/// <c>vpmaddwd</c> computes the scalar sums exactly: every coefficient fits a signed 16-bit word (G's luma coefficient,
/// 33039, is split in two halves over the two G words) and every sum fits 32 bits with room to spare (at most
/// 2040 × 28784 × 2 for a chroma pair). Chroma is linear up to its final shift, so the [1 2 1] filter and the two rows'
/// sum are taken on the pixels' words first (at most 8 × 255 = 2040) and multiplied once per chroma sample.
/// </summary>
/// <remarks>
/// AVX2 shuffles within each 128-bit lane, so a register holds four pixels in its low lane and the four pixels sixteen
/// further on in its high lane: the four registers of a 32-pixel block then pack back into pixel order without a
/// cross-lane permute.
/// </remarks>
internal static unsafe class Yuv420RowPairAvx2
{
    public const int Pixels = 32;

    public static bool IsSupported => Avx2.IsSupported;

    /// <summary>Converts the row pair's first whole blocks of 32 pixels; returns how many pixels it converted (even).</summary>
    public static int Convert(byte* top, byte* bottom, int width, byte* lumaTop, byte* lumaBottom, byte* u, byte* v, in Yuv420Coefficients k)
    {
        if (width < Pixels) return 0;
        var c = Constants.Instance;
        // The block before the first one: its last pixel, as seen by the filter's left tap, is the frame's first pixel
        // (the scalar path's clamp at the edge).
        var previousRb = Vector256.Create(top[0] + bottom[0] | (top[2] + bottom[2]) << 16).AsInt16();
        var previousGg = Vector256.Create((top[1] + bottom[1]) * 0x10001).AsInt16();
        var x = 0;
        for (; x + Pixels <= width; x += Pixels)
        {
            var rgbTop = top + x * 3;
            var rgbBottom = bottom + x * 3;
            var (rbTop0, ggTop0) = Quad(rgbTop, 0, c);
            var (rbTop1, ggTop1) = Quad(rgbTop, 1, c);
            var (rbTop2, ggTop2) = Quad(rgbTop, 2, c);
            var (rbTop3, ggTop3) = Quad(rgbTop, 3, c);
            Pack(Luma(rbTop0, ggTop0, c), Luma(rbTop1, ggTop1, c), Luma(rbTop2, ggTop2, c), Luma(rbTop3, ggTop3, c)).Store(lumaTop + x);
            var (rbBottom0, ggBottom0) = Quad(rgbBottom, 0, c);
            var (rbBottom1, ggBottom1) = Quad(rgbBottom, 1, c);
            var (rbBottom2, ggBottom2) = Quad(rgbBottom, 2, c);
            var (rbBottom3, ggBottom3) = Quad(rgbBottom, 3, c);
            Pack(Luma(rbBottom0, ggBottom0, c), Luma(rbBottom1, ggBottom1, c), Luma(rbBottom2, ggBottom2, c), Luma(rbBottom3, ggBottom3, c)).Store(lumaBottom + x);

            // The two rows' sums, per pixel and channel.
            var rb0 = rbTop0 + rbBottom0;
            var rb1 = rbTop1 + rbBottom1;
            var rb2 = rbTop2 + rbBottom2;
            var rb3 = rbTop3 + rbBottom3;
            var gg0 = ggTop0 + ggBottom0;
            var gg1 = ggTop1 + ggBottom1;
            var gg2 = ggTop2 + ggBottom2;
            var gg3 = ggTop3 + ggBottom3;

            // The quad before quad 0: pixels 28–31 of the previous block in the low lane, pixels 12–15 in the high one.
            var beforeRb = Avx2.Permute2x128(previousRb, rb3, 0x21);
            var beforeGg = Avx2.Permute2x128(previousGg, gg3, 0x21);
            var (u0, v0) = Chroma(Taps(rb0, beforeRb), Taps(gg0, beforeGg), c);
            var (u1, v1) = Chroma(Taps(rb1, rb0), Taps(gg1, gg0), c);
            var (u2, v2) = Chroma(Taps(rb2, rb1), Taps(gg2, gg1), c);
            var (u3, v3) = Chroma(Taps(rb3, rb2), Taps(gg3, gg2), c);
            StoreChroma(u0, u1, u2, u3, v0, v1, v2, v3, u + x / 2, v + x / 2, c);
            (previousRb, previousGg) = (rb3, gg3);
        }
        return x;
    }

    /// <summary>
    /// Quad <paramref name="quad"/> (0–3) of a block: pixels 4q…4q+3 in the low lane and 16+4q…16+4q+3 in the high one,
    /// each as a 32-bit lane of (R, B) words and one of (G, G) words. The high lane is loaded four bytes early, so that
    /// quad 3's load ends at the block's last byte.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<short> Rb, Vector256<short> Gg) Quad(byte* block, int quad, Constants c)
    {
        var bytes = Vector256.Create(Vector128.Load(block + 12 * quad), Vector128.Load(block + 44 + 12 * quad));
        return (Avx2.Shuffle(bytes, c.RbWords).AsInt16(), Avx2.Shuffle(bytes, c.GgWords).AsInt16());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Luma(Vector256<short> rb, Vector256<short> gg, Constants c) =>
        Avx2.ShiftRightArithmetic(Avx2.MultiplyAddAdjacent(rb, c.LumaRb) + Avx2.MultiplyAddAdjacent(gg, c.LumaGg) + c.LumaOffset, Yuv420Coefficients.Shift);

    /// <summary>Four quads' values (0–255) as the block's 32 bytes, in pixel order: the packs work per lane, as the quads are laid out.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> Pack(Vector256<int> q0, Vector256<int> q1, Vector256<int> q2, Vector256<int> q3) =>
        Avx2.PackUnsignedSaturate(Avx2.PackSignedSaturate(q0, q1), Avx2.PackSignedSaturate(q2, q3));

    /// <summary>
    /// The [1 2 1] filter on the even pixels (lanes 0 and 2 of each 128-bit lane; the odd lanes are left unused): the pixel
    /// twice, the one after it and the one before it, which for lane 0 is the last pixel of <paramref name="before"/>'s lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<short> Taps(Vector256<short> quad, Vector256<short> before) =>
        quad + quad + Avx2.ShiftRightLogical128BitLane(quad, 4) + Avx2.AlignRight(quad, before, 12);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<int> U, Vector256<int> V) Chroma(Vector256<short> rb, Vector256<short> gg, Constants c) =>
        (Avx2.ShiftRightArithmetic(Avx2.MultiplyAddAdjacent(rb, c.URb) + Avx2.MultiplyAddAdjacent(gg, c.UGg) + c.ChromaOffset, Yuv420Coefficients.ChromaShift),
         Avx2.ShiftRightArithmetic(Avx2.MultiplyAddAdjacent(rb, c.VRb) + Avx2.MultiplyAddAdjacent(gg, c.VGg) + c.ChromaOffset, Yuv420Coefficients.ChromaShift));

    /// <summary>
    /// The block's sixteen U and sixteen V samples, from the even lanes of four quads each: two quads are merged by
    /// moving one's samples into the other's odd lanes, the saturating packs clamp to 0–255 as the scalar path does, and
    /// a shuffle and a permute put the samples in order, U in the low lane, V in the high one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreChroma(Vector256<int> u0, Vector256<int> u1, Vector256<int> u2, Vector256<int> u3,
        Vector256<int> v0, Vector256<int> v1, Vector256<int> v2, Vector256<int> v3, byte* u, byte* v, Constants c)
    {
        var uWords = Avx2.PackSignedSaturate(Merge(u0, u1), Merge(u2, u3));
        var vWords = Avx2.PackSignedSaturate(Merge(v0, v1), Merge(v2, v3));
        var bytes = Avx2.Shuffle(Avx2.PackUnsignedSaturate(uWords, vWords), c.ChromaOrder);
        var ordered = Avx2.Permute4x64(bytes.AsUInt64(), 0b11_01_10_00).AsByte();
        ordered.GetLower().Store(u);
        ordered.GetUpper().Store(v);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Merge(Vector256<int> even, Vector256<int> odd) =>
        Avx2.Blend(even, Avx2.ShiftLeftLogical(odd.AsInt64(), 32).AsInt32(), 0b1010_1010);

    /// <summary>The shuffles and coefficient pairs, built once.</summary>
    private sealed class Constants
    {
        public static readonly Constants Instance = new(Yuv420Coefficients.Bt601LimitedRange);

        public readonly Vector256<byte> RbWords = Words(0, 2), GgWords = Words(1, 1);
        public readonly Vector256<byte> ChromaOrder;
        public readonly Vector256<short> LumaRb, LumaGg, URb, UGg, VRb, VGg;
        public readonly Vector256<int> LumaOffset, ChromaOffset;

        private Constants(in Yuv420Coefficients k)
        {
            LumaRb = Pair(k.YR, k.YB);
            LumaGg = Pair(k.YG / 2, k.YG - k.YG / 2);
            URb = Pair(k.UR, k.UB);
            UGg = Pair(k.UG, 0);
            VRb = Pair(k.VR, k.VB);
            VGg = Pair(k.VG, 0);
            LumaOffset = Vector256.Create(k.LumaOffset);
            ChromaOffset = Vector256.Create(k.ChromaOffset);
            // After the merges and packs each group of eight bytes holds samples 0, 2, 1, 3, 4, 6, 5, 7 of its run.
            var order = new byte[32];
            ReadOnlySpan<byte> group = [0, 2, 1, 3, 4, 6, 5, 7];
            for (var i = 0; i < 32; i++) order[i] = (byte)(i / 8 % 2 * 8 + group[i % 8]);
            ChromaOrder = Vector256.Create(order);
        }

        /// <summary>A pair of signed 16-bit coefficients for <c>vpmaddwd</c>; throws if one does not fit, as then the sums would not be exact.</summary>
        private static Vector256<short> Pair(int first, int second) =>
            Vector256.Create((uint)(ushort)checked((short)first) | (uint)(ushort)checked((short)second) << 16).AsInt16();

        /// <summary>
        /// For each of a lane's four pixels, bytes <paramref name="first"/> and <paramref name="second"/> of its RGB24
        /// triplet as two zero-extended words; the high lane's bytes start four bytes in (see <see cref="Quad"/>).
        /// </summary>
        private static Vector256<byte> Words(int first, int second)
        {
            var mask = new byte[32];
            for (var lane = 0; lane < 2; lane++)
            for (var pixel = 0; pixel < 4; pixel++)
            {
                var at = lane * 16 + pixel * 4;
                var from = lane * 4 + pixel * 3;
                (mask[at], mask[at + 1], mask[at + 2], mask[at + 3]) = ((byte)(from + first), 0x80, (byte)(from + second), 0x80);
            }
            return Vector256.Create(mask);
        }
    }
}
