using Sora.Inference.World.Sound.Dsp;

namespace Sora.Inference.World.Sound.Ambience;

/// <summary>Wind: band-passed noise whose level and pitch rise and fall with slow gusts, over a low rumble.</summary>
internal sealed class WindLayer(ulong key, float level, double centreHz, double q, double gustiness, double gustSeconds) : IAmbienceLayer
{
    public void Render(long start, Span<float> left, Span<float> right)
    {
        Span<Biquad> band = [Biquad.BandPass(centreHz, q), Biquad.BandPass(centreHz, q)];
        Span<Biquad> rumble = [Biquad.LowPass(110), Biquad.LowPass(110)];
        double strength = 0;
        for (var i = 0; i < left.Length; i++)
        {
            var n = start + i;
            if (ControlSignal.IsDue(n, i))
            {
                var t = ControlSignal.GridSeconds(n);
                var gust = 0.7 * NoiseHash.Smooth(key, 10, t / gustSeconds) + 0.3 * NoiseHash.Smooth(key, 11, t / (gustSeconds * 0.3));
                strength = Math.Clamp(0.55 + 0.45 * gustiness * gust, 0.05, 1.3);
                var centre = centreHz * (0.7 + 0.6 * strength);
                band[0].Retune(centre, q, Biquad.FilterType.BandPass);
                band[1].Retune(centre * 1.04, q, Biquad.FilterType.BandPass);
            }
            var gain = level * strength * Math.Sqrt(strength);
            var noiseL = NoiseHash.Bipolar(key, 20, n);
            var noiseR = NoiseHash.Bipolar(key, 21, n);
            left[i] += (float)(gain * (band[0].Process(noiseL) * 2 + rumble[0].Process(noiseL) * 1.5));
            right[i] += (float)(gain * (band[1].Process(noiseR) * 2 + rumble[1].Process(noiseR) * 1.5));
        }
    }
}
