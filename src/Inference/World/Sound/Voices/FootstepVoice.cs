using Sora.Inference.World.Scene;
using Sora.Inference.World.Sound.Dsp;

namespace Sora.Inference.World.Sound.Voices;

/// <summary>
/// One footfall: a heel then a lighter toe contact on hard ground, a crunch of many tiny grains on sand and
/// snow, a rustle on grass, a small splash in water. Heavier walkers thump lower and louder.
/// </summary>
internal static class FootstepVoice
{
    public static float[] Render(FootstepSound step, ulong key)
    {
        var mass = Math.Clamp(step.Mass, 1, 5000);
        var surface = (step.Surface ?? "").ToLowerInvariant();
        if (surface == "water") return SplashVoice.Render(1.2f, (float)Math.Min(mass * 0.05, 8), key);

        var samples = new float[(int)(0.35 * AudioFormat.SampleRate)];
        var thumpHz = 55 + 45 * Math.Pow(70 / mass, 0.3);
        ModalBank.Add(samples, 0, [new Mode(thumpHz, 0.5, 0.05), new Mode(thumpHz * 2.1, 0.15, 0.03)]);
        var toe = (int)((0.05 + 0.02 * NoiseHash.Unit(key, 9, 0)) * AudioFormat.SampleRate);

        switch (surface)
        {
            case "sand":
                AddGrains(samples, key, 40, 0.09, 2500, 0.35);
                break;
            case "snow":
                AddGrains(samples, key, 70, 0.16, 1600, 0.45);
                break;
            case "grass" or "leaves":
                Transient.AddNoiseBurst(samples, 0, key, 1, 18, 0.5, 6000, highPass: 1800);
                Transient.AddNoiseBurst(samples, toe, key, 2, 12, 0.3, 6000, highPass: 1800);
                break;
            default:
                var ground = MaterialAcoustics.Of(surface.Length == 0 ? "ground" : surface);
                AddContact(samples, 0, ground, key, 3, 1.0);
                AddContact(samples, toe, ground, key, 4, 0.55);
                break;
        }

        Transient.NormalizePeak(samples, 0.3 * Transient.Loudness(mass, 0.12));
        return samples;
    }

    private static void AddContact(Span<float> samples, int offset, MaterialAcoustics ground, ulong key, ulong stream, double level)
    {
        // A shoe is soft: it excites only the low modes of the ground and rings them briefly.
        var contactHz = Math.Min(ground.HardnessHz, 3000);
        var modes = new Mode[ground.Ratios.Length];
        for (var k = 0; k < modes.Length; k++)
        {
            var frequency = ground.Fundamental * ground.Ratios[k] * (0.95 + 0.1 * NoiseHash.Unit(key, stream, k));
            modes[k] = new Mode(frequency, level * ground.Weights[k] / (1 + Math.Pow(frequency / contactHz, 2)), Math.Min(ground.RingSeconds, 0.08));
        }
        ModalBank.Add(samples, offset, modes);
        Transient.AddNoiseBurst(samples, offset, key, stream + 10, Math.Max(ground.ClickMs, 2), level * 0.4 * ground.ClickLevel, contactHz * 2);
    }

    private static void AddGrains(Span<float> samples, ulong key, int grains, double spreadSeconds, double cutoff, double level)
    {
        for (var g = 0; g < grains; g++)
        {
            var u = NoiseHash.Unit(key, 20, g);
            var onset = (int)(Math.Sqrt(u) * spreadSeconds * AudioFormat.SampleRate);
            var amplitude = level * (0.3 + 0.7 * NoiseHash.Unit(key, 21, g)) * (1 - 0.5 * u);
            Transient.AddNoiseBurst(samples, onset, key, 1000 + (ulong)g, 0.6 + 1.5 * NoiseHash.Unit(key, 22, g), amplitude, cutoff, highPass: 300);
        }
    }
}
