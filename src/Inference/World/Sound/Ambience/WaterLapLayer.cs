using Sora.Inference.World.Sound.Dsp;

namespace Sora.Inference.World.Sound.Ambience;

/// <summary>Small waves lapping at a shore: soft pulses of low noise every couple of seconds.</summary>
internal sealed class WaterLapLayer(ulong key, float level) : IAmbienceLayer
{
    private const double Period = 1.9;

    public void Render(long start, Span<float> left, Span<float> right)
    {
        Span<Biquad> water = [Biquad.BandPass(550, 0.9), Biquad.BandPass(600, 0.9)];
        double lap = 0;
        for (var i = 0; i < left.Length; i++)
        {
            var n = start + i;
            if (ControlSignal.IsDue(n, i)) lap = Lap(ControlSignal.GridSeconds(n));
            left[i] += (float)(level * lap * 2 * water[0].Process(NoiseHash.Bipolar(key, 100, n)));
            right[i] += (float)(level * lap * 2 * water[1].Process(NoiseHash.Bipolar(key, 101, n)));
        }
    }

    private double Lap(double t)
    {
        var k = (long)Math.Floor(t / Period);
        double sum = 0.15;
        for (var j = k - 1; j <= k; j++)
        {
            var tau = t - (j * Period + 0.6 * NoiseHash.Unit(key, 102, j));
            if (tau < 0) continue;
            sum += (0.4 + 0.6 * NoiseHash.Unit(key, 103, j)) * tau / 0.15 * Math.Exp(1 - tau / 0.15);
        }
        return sum;
    }
}
