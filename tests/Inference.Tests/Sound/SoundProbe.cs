using System.Numerics;
using Sora.Inference.World.Scene;
using Sora.Inference.World.Sound;

namespace Sora.Inference.Tests.Sound;

/// <summary>Renders scenes through the public synthesizer and measures what a listener would notice.</summary>
internal static class SoundProbe
{
    public const int Rate = AudioFormat.SampleRate;

    public static readonly SceneLook Quiet = new("space", "day", "clear", "cinematic", 854, 480, 24);

    /// <summary>A camera at the origin, 1.5 m up, looking down -Z.</summary>
    public static CameraPose Camera(double _) => new(new Vector3(0, 1.5f, 0), new Vector3(0, 1.5f, -10), 50);

    public static EventSoundSynthesizer EffectsOnly() => new(new SoundSynthesisOptions { AmbienceGain = 0 });

    public static float[] Render(ISoundSynthesizer synthesizer, SceneLook look, IReadOnlyList<SoundEvent> events, long start, int count,
        long seed = 7, Func<double, CameraPose>? listener = null)
    {
        var buffer = new float[count * 2];
        synthesizer.Render(look, events, listener ?? Camera, start, count, seed, buffer);
        return buffer;
    }

    public static float[] Render(IReadOnlyList<SoundEvent> events, double seconds) =>
        Render(EffectsOnly(), Quiet, events, 0, (int)(seconds * Rate));

    public static float[] Channel(float[] interleaved, int channel)
    {
        var mono = new float[interleaved.Length / 2];
        for (var i = 0; i < mono.Length; i++) mono[i] = interleaved[2 * i + channel];
        return mono;
    }

    public static float[] Mono(float[] interleaved)
    {
        var mono = new float[interleaved.Length / 2];
        for (var i = 0; i < mono.Length; i++) mono[i] = 0.5f * (interleaved[2 * i] + interleaved[2 * i + 1]);
        return mono;
    }

    public static double Rms(ReadOnlySpan<float> samples)
    {
        double sum = 0;
        foreach (var s in samples) sum += (double)s * s;
        return samples.Length == 0 ? 0 : Math.Sqrt(sum / samples.Length);
    }

    public static double Energy(ReadOnlySpan<float> samples)
    {
        double sum = 0;
        foreach (var s in samples) sum += (double)s * s;
        return sum;
    }

    /// <summary>Magnitude spectrum (Hann window) of the first 2^k samples that fit.</summary>
    public static double[] Magnitudes(float[] mono, int length = 16384)
    {
        var window = new FftSharp.Windows.Hanning().Create(length);
        var input = new double[length];
        for (var i = 0; i < length && i < mono.Length; i++) input[i] = mono[i] * window[i];
        return FftSharp.FFT.Magnitude(FftSharp.FFT.Forward(input));
    }

    public static double SpectralCentroid(float[] mono, int length = 16384)
    {
        var magnitudes = Magnitudes(mono, length);
        double weighted = 0, total = 0;
        for (var k = 1; k < magnitudes.Length; k++)
        {
            var frequency = k * (double)Rate / length;
            weighted += frequency * magnitudes[k];
            total += magnitudes[k];
        }
        return weighted / total;
    }

    /// <summary>Seconds from the loudest 5 ms frame until the level stays 40 dB below it.</summary>
    public static double DecaySeconds(float[] mono)
    {
        const int frame = Rate / 200;
        var levels = new double[mono.Length / frame];
        for (var f = 0; f < levels.Length; f++) levels[f] = Rms(mono.AsSpan(f * frame, frame));
        var peak = Array.IndexOf(levels, levels.Max());
        var last = peak;
        for (var f = peak; f < levels.Length; f++)
            if (levels[f] > levels[peak] * 0.01) last = f;
        return (last - peak) * (double)frame / Rate;
    }
}
