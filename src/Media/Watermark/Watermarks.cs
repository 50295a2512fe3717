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

    public static double Psnr(double meanSquaredError) => meanSquaredError <= 0 ? double.PositiveInfinity : 10 * Math.Log10(255.0 * 255.0 / meanSquaredError);
}
