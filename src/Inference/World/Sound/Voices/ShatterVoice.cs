using Sora.Inference.World.Scene;
using Sora.Inference.World.Sound.Dsp;

namespace Sora.Inference.World.Sound.Voices;

/// <summary>
/// A breaking body: the crack of the object's own modes, a bright noise burst, and a spray of small fragments
/// that tinkle with high, short modes as they land over the next few hundred milliseconds.
/// </summary>
internal static class ShatterVoice
{
    public static float[] Render(ShatterSound shatter, ulong key)
    {
        var energy = Math.Max(0, shatter.Energy);
        var ceramic = !string.Equals(shatter.Material, "glass", StringComparison.OrdinalIgnoreCase)
                      && !string.Equals(shatter.Material, "ice", StringComparison.OrdinalIgnoreCase);
        var samples = new float[(int)(1.6 * AudioFormat.SampleRate)];

        var body = MaterialAcoustics.Of(ceramic ? shatter.Material : "glass");
        var crack = new Mode[body.Ratios.Length];
        for (var k = 0; k < crack.Length; k++)
            crack[k] = new Mode(body.Fundamental * body.Ratios[k], body.Weights[k], body.RingSeconds * 0.25 / (1 + body.HighModeDamping * (body.Ratios[k] - 1)));
        ModalBank.Add(samples, 0, crack);
        Transient.AddNoiseBurst(samples, 0, key, 1, 25, 1.2, 16000, highPass: 1500);

        var fragments = (int)Math.Clamp(10 + 14 * Math.Sqrt(energy), 10, 90);
        var (low, high, ring) = ceramic ? (1500.0, 5000.0, 0.08) : (2500.0, 9000.0, 0.25);
        Span<Mode> tinkle = stackalloc Mode[3];
        for (var f = 0; f < fragments; f++)
        {
            var u = NoiseHash.Unit(key, 2, f);
            var onset = (int)(u * u * 0.35 * AudioFormat.SampleRate);
            var frequency = low * Math.Pow(high / low, NoiseHash.Unit(key, 3, f));
            var amplitude = (0.2 + 0.8 * NoiseHash.Unit(key, 4, f)) * (1 - 0.6 * u) * 0.5;
            var t60 = ring * (0.4 + 0.8 * NoiseHash.Unit(key, 5, f));
            tinkle[0] = new Mode(frequency, amplitude, t60);
            tinkle[1] = new Mode(frequency * 2.32, amplitude * 0.6, t60 * 0.7);
            tinkle[2] = new Mode(frequency * 4.1, amplitude * 0.35, t60 * 0.5);
            ModalBank.Add(samples, onset, tinkle);
            Transient.AddNoiseBurst(samples, onset, key, 100 + (ulong)f, 1.0, amplitude * 0.5, 14000, highPass: 2000);
        }

        Transient.NormalizePeak(samples, 0.15 + 0.4 * Transient.Loudness(energy, 0.5));
        return samples;
    }
}
