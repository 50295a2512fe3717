using Sora.Inference.World.Sound.Dsp;

namespace Sora.Inference.World.Sound.Ambience;

/// <summary>Surf: waves break every six or seven seconds (seeded timing and size), a dull roar that swells into a bright wash.</summary>
internal sealed class SurfLayer(ulong key, float level) : IAmbienceLayer
{
    private const double Period = 6.5;

    public void Render(long start, Span<float> left, Span<float> right)
    {
        Span<Biquad> body = [Biquad.LowPass(400), Biquad.LowPass(400)];
        Span<Biquad> fizz = [Biquad.HighPass(3000), Biquad.HighPass(3000)];
        double wave = 0;
        for (var i = 0; i < left.Length; i++)
        {
            var n = start + i;
            if (ControlSignal.IsDue(n, i))
            {
                wave = Swell(ControlSignal.GridSeconds(n));
                body[0].Retune(300 + 2200 * wave, 0.7, Biquad.FilterType.LowPass);
                body[1].Retune(320 + 2200 * wave, 0.7, Biquad.FilterType.LowPass);
            }
            var noiseL = NoiseHash.Bipolar(key, 30, n);
            var noiseR = NoiseHash.Bipolar(key, 31, n);
            var roar = 0.35 + wave;
            left[i] += (float)(level * (body[0].Process(noiseL) * roar + fizz[0].Process(noiseL) * wave * wave * 0.5));
            right[i] += (float)(level * (body[1].Process(noiseR) * roar + fizz[1].Process(noiseR) * wave * wave * 0.5));
        }
    }

    private double Swell(double t)
    {
        // A seeded phase, so a video may open mid-wave rather than always in the lull before the first one.
        t += Period * NoiseHash.Unit(key, 34, 0);
        var current = (long)Math.Floor(t / Period);
        double sum = 0;
        for (var k = current - 1; k <= current; k++)
        {
            var breaks = k * Period + 2.5 * NoiseHash.Unit(key, 32, k);
            var size = 0.5 + 0.5 * NoiseHash.Unit(key, 33, k);
            var tau = t - breaks;
            if (tau < 0) continue;
            sum += size * (tau < 1.2 ? tau / 1.2 * (tau / 1.2) : Math.Exp(-(tau - 1.2) / 2.2));
        }
        return Math.Min(sum, 1.2);
    }
}
