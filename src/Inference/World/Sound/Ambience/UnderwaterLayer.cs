using Sora.Inference.World.Sound.Dsp;

namespace Sora.Inference.World.Sound.Ambience;

/// <summary>Under water: a deep, slowly heaving rumble with everything bright filtered away, and bubbles rising now and then.</summary>
internal sealed class UnderwaterLayer(ulong key, float level) : IAmbienceLayer
{
    private const double SlotSeconds = 0.5;

    public void Render(long start, Span<float> left, Span<float> right)
    {
        Span<Biquad> deep = [Biquad.LowPass(140), Biquad.LowPass(140)];
        Span<Biquad> deeper = [Biquad.LowPass(140), Biquad.LowPass(140)];
        double heave = 0;
        for (var i = 0; i < left.Length; i++)
        {
            var n = start + i;
            if (ControlSignal.IsDue(n, i)) heave = 0.7 + 0.3 * NoiseHash.Smooth(key, 90, ControlSignal.GridSeconds(n) / 4);
            left[i] += (float)(level * heave * 6 * deeper[0].Process(deep[0].Process(NoiseHash.Bipolar(key, 91, n))));
            right[i] += (float)(level * heave * 6 * deeper[1].Process(deep[1].Process(NoiseHash.Bipolar(key, 92, n))));
        }
        AddBubbles(start, left, right);
    }

    private void AddBubbles(long start, Span<float> left, Span<float> right)
    {
        var end = start + left.Length;
        for (var slot = (long)Math.Floor((start / (double)AudioFormat.SampleRate - 0.2) / SlotSeconds); slot <= end / (double)AudioFormat.SampleRate / SlotSeconds; slot++)
        {
            if (NoiseHash.Unit(key, 93, slot) > 0.5) continue;
            var at = (slot + NoiseHash.Unit(key, 94, slot)) * SlotSeconds;
            var frequency = 300 + 900 * NoiseHash.Unit(key, 95, slot);
            var damping = 25 + 30 * NoiseHash.Unit(key, 96, slot);
            var pan = NoiseHash.Unit(key, 97, slot);
            var first = Math.Max(start, AudioFormat.SampleAt(at));
            var last = Math.Min(end, AudioFormat.SampleAt(at + 0.2));
            for (var n = first; n < last; n++)
            {
                var tau = n / (double)AudioFormat.SampleRate - at;
                var value = level * 0.6 * Math.Exp(-damping * tau) * Math.Sin(2 * Math.PI * frequency * (tau + 2 * tau * tau));
                left[(int)(n - start)] += (float)(value * (1 - pan));
                right[(int)(n - start)] += (float)(value * pan);
            }
        }
    }
}
