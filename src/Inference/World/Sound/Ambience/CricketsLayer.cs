using Sora.Inference.World.Sound.Dsp;

namespace Sora.Inference.World.Sound.Ambience;

/// <summary>Crickets at night: a few insects, each chirping short trains of pulses on its own carrier and rhythm.</summary>
internal sealed class CricketsLayer(ulong key, float level) : IAmbienceLayer
{
    private const int Crickets = 4;
    private const int PulsesPerChirp = 4;
    private const double PulseSeconds = 0.012;
    private const double PulseSpacing = 0.024;

    public void Render(long start, Span<float> left, Span<float> right)
    {
        var from = start / (double)AudioFormat.SampleRate;
        var to = (start + left.Length) / (double)AudioFormat.SampleRate;
        for (var c = 0; c < Crickets; c++)
        {
            var carrier = 4200 + 700 * NoiseHash.Unit(key, 70, c);
            var period = 0.5 + 0.4 * NoiseHash.Unit(key, 71, c);
            var offset = period * NoiseHash.Unit(key, 72, c);
            var angle = (NoiseHash.Unit(key, 73, c) * 1.6 - 0.8 + 1) * Math.PI / 4;
            var loudness = level * (0.4 + 0.6 * NoiseHash.Unit(key, 74, c));
            var chirpLength = PulsesPerChirp * PulseSpacing;
            for (var k = (long)Math.Floor((from - offset - chirpLength) / period); k <= (long)Math.Floor((to - offset) / period); k++)
            {
                // Now and then a cricket pauses, as real ones do.
                if (NoiseHash.Unit(key, 75 + (ulong)c, k) < 0.15) continue;
                var chirp = offset + k * period;
                for (var p = 0; p < PulsesPerChirp; p++)
                    AddPulse(start, left, right, chirp + p * PulseSpacing, carrier, loudness * Math.Cos(angle), loudness * Math.Sin(angle));
            }
        }
    }

    private static void AddPulse(long start, Span<float> left, Span<float> right, double at, double carrier, double gainL, double gainR)
    {
        var first = Math.Max(start, AudioFormat.SampleAt(at));
        var last = Math.Min(start + left.Length, AudioFormat.SampleAt(at + PulseSeconds));
        for (var n = first; n < last; n++)
        {
            var t = n / (double)AudioFormat.SampleRate;
            var envelope = Math.Sin(Math.PI * (t - at) / PulseSeconds);
            var value = envelope * Math.Sin(2 * Math.PI * carrier * t);
            left[(int)(n - start)] += (float)(gainL * value);
            right[(int)(n - start)] += (float)(gainR * value);
        }
    }
}
