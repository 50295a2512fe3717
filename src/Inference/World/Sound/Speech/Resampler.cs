namespace Sora.Inference.World.Sound.Speech;

/// <summary>
/// Band-limited resampling by a Blackman-windowed sinc. Between two integer rates the output instants fall on
/// only to/gcd(from, to) distinct fractional positions, so the kernel is tabulated once per position.
/// </summary>
internal static class Resampler
{
    private const int HalfTaps = 16;

    public static float[] Resample(ReadOnlySpan<float> input, int fromRate, int toRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fromRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(toRate);
        if (fromRate == toRate) return input.ToArray();
        var divisor = Gcd(fromRate, toRate);
        long step = fromRate / divisor, phases = toRate / divisor;
        var output = new float[(int)(input.Length * phases / step)];
        // Below the lower Nyquist frequency, with a little margin for the window's transition band.
        var cutoff = Math.Min(1.0, (double)toRate / fromRate) * 0.92;
        var kernels = Kernels((int)phases, cutoff);
        for (long n = 0; n < output.Length; n++)
        {
            var position = n * step;
            var whole = (int)(position / phases);
            var phase = (int)(position % phases);
            var kernel = kernels.AsSpan(phase * 2 * HalfTaps, 2 * HalfTaps);
            var first = whole - HalfTaps + 1;
            double sum = 0;
            for (var t = 0; t < kernel.Length; t++)
            {
                var k = first + t;
                if ((uint)k < (uint)input.Length) sum += input[k] * kernel[t];
            }
            output[n] = (float)sum;
        }
        return output;
    }

    private static float[] Kernels(int phases, double cutoff)
    {
        var kernels = new float[phases * 2 * HalfTaps];
        for (var p = 0; p < phases; p++)
        for (var t = 0; t < 2 * HalfTaps; t++)
        {
            // Distance from input tap (first + t) to the output instant (whole + p / phases).
            var x = t - HalfTaps + 1 - (double)p / phases;
            if (Math.Abs(x) >= HalfTaps) continue;
            var window = 0.42 + 0.5 * Math.Cos(Math.PI * x / HalfTaps) + 0.08 * Math.Cos(2 * Math.PI * x / HalfTaps);
            kernels[p * 2 * HalfTaps + t] = (float)(cutoff * Sinc(cutoff * x) * window);
        }
        return kernels;
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    private static double Sinc(double x) => Math.Abs(x) < 1e-9 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);
}
