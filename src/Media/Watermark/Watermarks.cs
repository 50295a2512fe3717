namespace Sora.Media.Watermark;

/// <summary>Small measurements shared by the marks, their tests and the benchmark.</summary>
public static class Watermarks
{
    public static double MeanSquaredError(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++) { var d = a[i] - b[i]; sum += d * d; }
        return sum / a.Length;
    }

    /// <summary>Fraction of coded bits (before error correction) whose soft value agrees with the codeword of <paramref name="payload"/>.</summary>
    public static double CodedBitAccuracy(PayloadCode code, ReadOnlySpan<double> soft, ulong payload)
    {
        if (soft.Length != code.CodedBits) return 0;
        var coded = code.Encode(payload);
        var agree = 0;
        for (var i = 0; i < coded.Length; i++) if ((soft[i] > 0) == (coded[i] == 1)) agree++;
        return (double)agree / coded.Length;
    }

    /// <summary>Fraction of payload bits the decoder gets right after error correction, whether or not the CRC matched.</summary>
    public static double PayloadBitAccuracy(PayloadCode code, ReadOnlySpan<double> soft, ulong payload)
    {
        if (soft.Length != code.CodedBits) return 0;
        var (decoded, _) = code.DecodeUnchecked(soft);
        var wrong = System.Numerics.BitOperations.PopCount((decoded ^ payload) & (code.PayloadBits == 64 ? ulong.MaxValue : (1UL << code.PayloadBits) - 1));
        return 1 - (double)wrong / code.PayloadBits;
    }

    public static double Psnr(double meanSquaredError) => meanSquaredError <= 0 ? double.PositiveInfinity : 10 * Math.Log10(255.0 * 255.0 / meanSquaredError);
}
