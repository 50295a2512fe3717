namespace Sora.Inference.World.Sound.Speech;

/// <summary>Band-limited resampling by a Blackman-windowed sinc, evaluated directly at each output instant.</summary>
internal static class Resampler
{
    private const int HalfTaps = 16;

    public static float[] Resample(ReadOnlySpan<float> input, int fromRate, int toRate)
    {
        if (fromRate == toRate) return input.ToArray();
        var ratio = (double)toRate / fromRate;
        var output = new float[(int)Math.Floor(input.Length * ratio)];
        // Below the lower Nyquist frequency, with a little margin for the window's transition band.
        var cutoff = Math.Min(1.0, ratio) * 0.92;
        for (var n = 0; n < output.Length; n++)
        {
            var centre = n / ratio;
            var first = (int)Math.Floor(centre) - HalfTaps + 1;
            double sum = 0;
            for (var k = first; k < first + 2 * HalfTaps; k++)
            {
                if ((uint)k >= (uint)input.Length) continue;
                var x = k - centre;
                var window = 0.42 + 0.5 * Math.Cos(Math.PI * x / HalfTaps) + 0.08 * Math.Cos(2 * Math.PI * x / HalfTaps);
                if (Math.Abs(x) >= HalfTaps) continue;
                sum += input[k] * cutoff * Sinc(cutoff * x) * window;
            }
            output[n] = (float)sum;
        }
        return output;
    }

    private static double Sinc(double x) => Math.Abs(x) < 1e-9 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);
}
