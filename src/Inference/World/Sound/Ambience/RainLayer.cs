using Sora.Inference.World.Sound.Dsp;

namespace Sora.Inference.World.Sound.Ambience;

/// <summary>Rain: a bright hiss with individual drops ticking on top; indoors it is heard muffled through the windows.</summary>
internal sealed class RainLayer(ulong key, float level, bool muffled) : IAmbienceLayer
{
    private const double DropsPerSecond = 90;

    public void Render(long start, Span<float> left, Span<float> right)
    {
        var cutoff = muffled ? 700.0 : 18000.0;
        Span<Biquad> hiss = [Biquad.HighPass(muffled ? 200 : 1500), Biquad.HighPass(muffled ? 200 : 1500)];
        Span<Biquad> shade = [Biquad.LowPass(cutoff), Biquad.LowPass(cutoff)];
        Span<Biquad> drop = [Biquad.BandPass(muffled ? 500 : 2800, 2.5), Biquad.BandPass(muffled ? 500 : 2800, 2.5)];
        var chance = DropsPerSecond / AudioFormat.SampleRate;
        for (var i = 0; i < left.Length; i++)
        {
            var n = start + i;
            var tickL = NoiseHash.Unit(key, 52, n) < chance ? 12 * NoiseHash.Unit(key, 54, n) : 0;
            var tickR = NoiseHash.Unit(key, 53, n) < chance ? 12 * NoiseHash.Unit(key, 55, n) : 0;
            var l = hiss[0].Process(NoiseHash.Bipolar(key, 50, n)) + drop[0].Process(tickL);
            var r = hiss[1].Process(NoiseHash.Bipolar(key, 51, n)) + drop[1].Process(tickR);
            left[i] += (float)(level * shade[0].Process(l));
            right[i] += (float)(level * shade[1].Process(r));
        }
    }
}
