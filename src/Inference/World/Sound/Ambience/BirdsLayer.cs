using Sora.Inference.World.Sound.Dsp;

namespace Sora.Inference.World.Sound.Ambience;

/// <summary>
/// Birdsong: calls of a few swept whistles each, at seeded times, pitches and places in the stereo field.
/// Each call is a closed-form function of absolute time, so calls cross render boundaries seamlessly.
/// </summary>
internal sealed class BirdsLayer(ulong key, float level, double callsPerSecond) : IAmbienceLayer
{
    private const double SlotSeconds = 0.4;
    private const double LongestCallSeconds = 0.6;

    public void Render(long start, Span<float> left, Span<float> right)
    {
        var end = start + left.Length;
        var firstSlot = (long)Math.Floor((start / (double)AudioFormat.SampleRate - LongestCallSeconds) / SlotSeconds);
        var lastSlot = (long)Math.Floor(end / (double)AudioFormat.SampleRate / SlotSeconds);
        var chance = callsPerSecond * SlotSeconds;
        for (var slot = firstSlot; slot <= lastSlot; slot++)
        {
            if (NoiseHash.Unit(key, 60, slot) >= chance) continue;
            var callStart = (slot + NoiseHash.Unit(key, 61, slot)) * SlotSeconds;
            var syllables = 1 + (int)(NoiseHash.Unit(key, 62, slot) * 4);
            var length = 0.04 + 0.05 * NoiseHash.Unit(key, 63, slot);
            var from = 2500 + 3000 * NoiseHash.Unit(key, 64, slot);
            var to = from * (0.7 + 0.7 * NoiseHash.Unit(key, 65, slot));
            var loudness = level * (0.3 + 0.7 * NoiseHash.Unit(key, 66, slot));
            var angle = (NoiseHash.Unit(key, 67, slot) * 1.6 - 0.8 + 1) * Math.PI / 4;
            var (gainL, gainR) = (loudness * Math.Cos(angle), loudness * Math.Sin(angle));
            for (var s = 0; s < syllables; s++)
                AddWhistle(start, left, right, callStart + s * (length + 0.03), length, from, to, gainL, gainR);
        }
    }

    private static void AddWhistle(long start, Span<float> left, Span<float> right, double at, double length, double from, double to,
        double gainL, double gainR)
    {
        var first = Math.Max(start, AudioFormat.SampleAt(at));
        var last = Math.Min(start + left.Length, AudioFormat.SampleAt(at + length));
        for (var n = first; n < last; n++)
        {
            var tau = n / (double)AudioFormat.SampleRate - at;
            var phase = 2 * Math.PI * (from * tau + (to - from) * tau * tau / (2 * length));
            var envelope = Math.Sin(Math.PI * tau / length);
            var value = envelope * envelope * (Math.Sin(phase) + 0.15 * Math.Sin(2 * phase));
            left[(int)(n - start)] += (float)(gainL * value);
            right[(int)(n - start)] += (float)(gainR * value);
        }
    }
}
