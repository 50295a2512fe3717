namespace Sora.Inference.World.Sound;

/// <summary>
/// Keeps the mix inside [-1, 1] without a gain envelope that pumps. The gain is computed from the known
/// envelopes of the sources that are sounding (so it rises exactly as they decay, and it is the same for any
/// chunking), and a soft knee catches whatever peaks the estimate misses.
/// </summary>
internal static class MixLimiter
{
    /// <summary>The level the estimated mix is held under.</summary>
    public const float Ceiling = 0.7f;

    /// <summary>Above this the soft knee bends the waveform towards ±1, which it never reaches.</summary>
    public const float Knee = 0.8f;

    /// <summary>A headroom allowance for the ambience bed, which has no per-sample envelope.</summary>
    public const float AmbienceAllowance = 0.08f;

    /// <param name="levelSquared">Per frame: the sum of squared source envelopes (their power-sum estimate of the peak).</param>
    public static void Apply(Span<float> interleaved, ReadOnlySpan<float> levelSquared)
    {
        for (var i = 0; i < levelSquared.Length; i++)
        {
            var level = MathF.Sqrt(levelSquared[i]) + AmbienceAllowance;
            var gain = level > Ceiling ? Ceiling / level : 1f;
            interleaved[2 * i] = SoftClip(interleaved[2 * i] * gain);
            interleaved[2 * i + 1] = SoftClip(interleaved[2 * i + 1] * gain);
        }
    }

    public static float SoftClip(float x)
    {
        if (float.IsNaN(x)) return 0;
        var magnitude = Math.Abs(x);
        if (magnitude <= Knee) return x;
        var bent = Knee + (1 - Knee) * MathF.Tanh((magnitude - Knee) / (1 - Knee));
        return MathF.CopySign(Math.Min(bent, 0.999f), x);
    }
}
