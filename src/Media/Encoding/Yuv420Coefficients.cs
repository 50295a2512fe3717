namespace Sora.Media.Encoding;

/// <summary>
/// The BT.601 matrix in limited range (luma 16..235, chroma 16..240) as 16-bit fixed-point integers, shared by the
/// scalar and vector paths of <see cref="Yuv420Converter"/> so that both compute the same bytes.
/// </summary>
internal readonly struct Yuv420Coefficients
{
    public const int Shift = 16;

    /// <summary>Chroma is taken from eight times the filtered value (a [1 2 1] filter over two rows): 1/8 more shift.</summary>
    public const int ChromaShift = Shift + 3;

    private const int Half = 1 << (Shift - 1);

    public static readonly Yuv420Coefficients Bt601LimitedRange = new();

    public readonly int YR = Fixed(219.0 / 255 * 0.299);
    public readonly int YG = Fixed(219.0 / 255 * 0.587);
    public readonly int YB = Fixed(219.0 / 255 * 0.114);
    public readonly int UR = Fixed(-224.0 / 255 * 0.5 * 0.299 / (1 - 0.114));
    public readonly int UG = Fixed(-224.0 / 255 * 0.5 * 0.587 / (1 - 0.114));
    public readonly int UB = Fixed(224.0 / 255 * 0.5);
    public readonly int VR = Fixed(224.0 / 255 * 0.5);
    public readonly int VG = Fixed(-224.0 / 255 * 0.5 * 0.587 / (1 - 0.299));
    public readonly int VB = Fixed(-224.0 / 255 * 0.5 * 0.114 / (1 - 0.299));

    /// <summary>Luma's black level and rounding.</summary>
    public readonly int LumaOffset = (16 << Shift) + Half;

    /// <summary>Chroma's zero level and rounding, at the chroma shift.</summary>
    public readonly int ChromaOffset = (128 << ChromaShift) + (Half << 3);

    public Yuv420Coefficients()
    {
    }

    private static int Fixed(double coefficient) => (int)Math.Round(coefficient * (1 << Shift));
}
