using Sora.Inference.World.Sound.Dsp;

namespace Sora.Inference.World.Sound.Ambience;

/// <summary>Room tone: the soft low noise of a closed room, optionally with an appliance's mains hum (a fridge in a kitchen).</summary>
internal sealed class RoomToneLayer(ulong key, float level, double humHz) : IAmbienceLayer
{
    public void Render(long start, Span<float> left, Span<float> right)
    {
        Span<Biquad> air = [Biquad.LowPass(350), Biquad.LowPass(350)];
        Span<Biquad> warmth = [Biquad.HighPass(40), Biquad.HighPass(40)];
        for (var i = 0; i < left.Length; i++)
        {
            var n = start + i;
            double hum = 0;
            if (humHz > 0)
            {
                var t = n / (double)AudioFormat.SampleRate;
                var swell = 0.8 + 0.2 * NoiseHash.Smooth(key, 80, t / 3);
                hum = swell * (0.5 * Math.Sin(2 * Math.PI * humHz * t) + 0.3 * Math.Sin(4 * Math.PI * humHz * t) + 0.15 * Math.Sin(6 * Math.PI * humHz * t));
            }
            left[i] += (float)(level * (warmth[0].Process(air[0].Process(NoiseHash.Bipolar(key, 81, n))) * 2 + hum));
            right[i] += (float)(level * (warmth[1].Process(air[1].Process(NoiseHash.Bipolar(key, 82, n))) * 2 + hum));
        }
    }
}
