namespace Sora.Inference.World.Sound.Dsp;

/// <summary>
/// Counter-based random numbers: a value is a pure function of (seed, stream, index), so any sample of any
/// generator can be recomputed in isolation. This is what makes rendering independent of chunk boundaries.
/// </summary>
internal static class NoiseHash
{
    /// <summary>A well-mixed 64-bit hash (SplitMix64 finaliser over the combined inputs).</summary>
    public static ulong Hash(ulong seed, ulong stream, ulong index)
    {
        var z = seed * 0x9E3779B97F4A7C15UL ^ (stream + 0xD1B54A32D192ED03UL) * 0xBF58476D1CE4E5B9UL ^ index * 0x94D049BB133111EBUL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [-1, 1).</summary>
    public static float Bipolar(ulong seed, ulong stream, long index) =>
        (Hash(seed, stream, (ulong)index) >> 40) * (2f / (1 << 24)) - 1f;

    /// <summary>Uniform in [0, 1).</summary>
    public static double Unit(ulong seed, ulong stream, long index) =>
        (Hash(seed, stream, (ulong)index) >> 11) * (1.0 / (1UL << 53));

    /// <summary>
    /// Smooth random motion in [-1, 1]: cosine-interpolated values at integer knots of <paramref name="x"/>.
    /// Used for slow modulations (gusts, swells, engine wobble) evaluated at absolute time.
    /// </summary>
    public static double Smooth(ulong seed, ulong stream, double x)
    {
        var k = Math.Floor(x);
        var t = x - k;
        var a = Unit(seed, stream, (long)k) * 2 - 1;
        var b = Unit(seed, stream, (long)k + 1) * 2 - 1;
        var w = (1 - Math.Cos(Math.PI * t)) * 0.5;
        return a + (b - a) * w;
    }

    /// <summary>Folds arbitrary values (a seed and the bits of an event) into one stream key.</summary>
    public static ulong Combine(ulong a, ulong b) => Hash(a, b, 0x5EED);
}
