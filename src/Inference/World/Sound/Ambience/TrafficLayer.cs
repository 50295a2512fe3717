using Sora.Inference.World.Sound.Dsp;

namespace Sora.Inference.World.Sound.Ambience;

/// <summary>City traffic: a steady low hum of distant streets, and cars passing from one side to the other at seeded times.</summary>
internal sealed class TrafficLayer(ulong key, float level, double carsPerMinute, double brightness) : IAmbienceLayer
{
    private const double PassWidthSeconds = 1.6;

    public void Render(long start, Span<float> left, Span<float> right)
    {
        Span<Biquad> hum = [Biquad.LowPass(150), Biquad.LowPass(150)];
        Span<Biquad> hum2 = [Biquad.LowPass(150), Biquad.LowPass(150)];
        Span<Biquad> tyres = [Biquad.BandPass(500 + 400 * brightness, 0.7), Biquad.BandPass(500 + 400 * brightness, 0.7)];
        var slot = 60 / carsPerMinute;
        double passLeft = 0, passRight = 0;
        for (var i = 0; i < left.Length; i++)
        {
            var n = start + i;
            if (ControlSignal.IsDue(n, i)) (passLeft, passRight) = Passes(ControlSignal.GridSeconds(n), slot);
            var noiseL = NoiseHash.Bipolar(key, 40, n);
            var noiseR = NoiseHash.Bipolar(key, 41, n);
            var carL = tyres[0].Process(NoiseHash.Bipolar(key, 42, n));
            var carR = tyres[1].Process(NoiseHash.Bipolar(key, 43, n));
            left[i] += (float)(level * (hum2[0].Process(hum[0].Process(noiseL)) * 3 + carL * passLeft * 1.5));
            right[i] += (float)(level * (hum2[1].Process(hum[1].Process(noiseR)) * 3 + carR * passRight * 1.5));
        }
    }

    private (double Left, double Right) Passes(double t, double slot)
    {
        double left = 0, right = 0;
        var reach = PassWidthSeconds * 4;
        for (var j = (long)Math.Floor((t - reach) / slot); j <= (long)Math.Floor((t + reach) / slot); j++)
        {
            if (NoiseHash.Unit(key, 44, j) > 0.85) continue;
            var centre = (j + NoiseHash.Unit(key, 45, j)) * slot;
            var x = (t - centre) / PassWidthSeconds;
            var loudness = (0.5 + 0.5 * NoiseHash.Unit(key, 46, j)) / (1 + x * x);
            var direction = NoiseHash.Unit(key, 47, j) < 0.5 ? -1 : 1;
            var angle = (direction * Math.Tanh(x) + 1) * Math.PI / 4;
            left += loudness * Math.Cos(angle);
            right += loudness * Math.Sin(angle);
        }
        return (left, right);
    }
}
