using Sora.Inference.World.Sound.Dsp;

namespace Sora.Inference.World.Sound.Voices;

/// <summary>Short noise bursts: the contact click of an impact, the hiss of breaking glass, the grit of a step.</summary>
internal static class Transient
{
    /// <summary>Adds exponentially decaying noise (time constant <paramref name="decayMs"/>) low-passed at <paramref name="cutoff"/>.</summary>
    public static void AddNoiseBurst(Span<float> destination, int offset, ulong key, ulong stream, double decayMs, double level,
        double cutoff, double highPass = 0)
    {
        var length = Math.Min(destination.Length - offset, (int)(decayMs * 7 / 1000 * AudioFormat.SampleRate));
        if (length <= 0) return;
        var lowPass = Biquad.LowPass(cutoff);
        var lowCut = Biquad.HighPass(Math.Max(highPass, 20));
        var decay = Math.Exp(-1000.0 / (decayMs * AudioFormat.SampleRate));
        var envelope = level;
        for (var i = 0; i < length; i++)
        {
            var noise = NoiseHash.Bipolar(key, stream, i);
            destination[offset + i] += (float)(envelope * lowCut.Process(lowPass.Process(noise)));
            envelope *= decay;
        }
    }

    /// <summary>Scales the signal so that its peak is <paramref name="peak"/> (silence stays silence).</summary>
    public static void NormalizePeak(Span<float> signal, double peak)
    {
        var max = 0f;
        foreach (var sample in signal) max = Math.Max(max, Math.Abs(sample));
        if (max <= 1e-12f) return;
        var gain = (float)(peak / max);
        for (var i = 0; i < signal.Length; i++) signal[i] *= gain;
    }

    /// <summary>A loudness that grows monotonically with the cause's strength and saturates instead of exploding.</summary>
    public static double Loudness(double strength, double scale) => Math.Tanh(scale * Math.Sqrt(Math.Max(0, strength)));
}
