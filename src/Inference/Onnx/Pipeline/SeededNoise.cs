namespace Sora.Inference.Onnx.Pipeline;

/// <summary>
/// Standard normal noise from a seed, the same on every machine and .NET version (SplitMix64 and Box–Muller;
/// <see cref="Random"/> is not promised to stay the same across versions).
/// </summary>
public static class SeededNoise
{
    public static float[] Gaussian(long seed, int count)
    {
        var values = new float[count];
        var state = unchecked((ulong)seed);
        for (var i = 0; i < count; i += 2)
        {
            // 53-bit uniforms in (0, 1]: log never sees zero.
            var u1 = ((Next(ref state) >> 11) + 1) * (1.0 / (1UL << 53));
            var u2 = (Next(ref state) >> 11) * (1.0 / (1UL << 53));
            var radius = Math.Sqrt(-2 * Math.Log(u1));
            values[i] = (float)(radius * Math.Cos(2 * Math.PI * u2));
            if (i + 1 < count) values[i + 1] = (float)(radius * Math.Sin(2 * Math.PI * u2));
        }
        return values;
    }

    private static ulong Next(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
