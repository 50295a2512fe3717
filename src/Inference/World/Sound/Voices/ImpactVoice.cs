using Sora.Inference.World.Scene;
using Sora.Inference.World.Sound.Dsp;

namespace Sora.Inference.World.Sound.Voices;

/// <summary>
/// Two bodies striking: both ring with their own modes, excited through a contact whose bandwidth is set by
/// the softer body and grows with the impulse (harder hits sound brighter), plus the click of the contact.
/// </summary>
internal static class ImpactVoice
{
    private const double MaxSeconds = 6;

    public static float[] Render(ImpactSound impact, ulong key)
    {
        var a = MaterialAcoustics.Of(impact.MaterialA);
        var b = MaterialAcoustics.Of(impact.MaterialB);
        var impulse = Math.Max(0, impact.Impulse);
        var contactHz = Math.Min(a.HardnessHz, b.HardnessHz) * (0.5 + 0.5 * Math.Pow(impulse + 1e-3, 0.25));

        var modes = new List<Mode>();
        AddBody(modes, a, contactHz, key, 1);
        AddBody(modes, b, contactHz, key, 2);
        var modeSpan = modes.ToArray().AsSpan();
        var softer = a.HardnessHz <= b.HardnessHz ? a : b;
        var clickSamples = (int)(softer.ClickMs * 7 / 1000 * AudioFormat.SampleRate);
        var length = Math.Min((int)(MaxSeconds * AudioFormat.SampleRate), Math.Max(ModalBank.LengthOf(modeSpan), clickSamples) + 1);
        var samples = new float[length];

        ModalBank.Add(samples, 0, modeSpan);
        var modalPeak = 0f;
        foreach (var sample in samples) modalPeak = Math.Max(modalPeak, Math.Abs(sample));
        var clickLevel = (a.ClickLevel + b.ClickLevel) * 0.5 * Math.Max(modalPeak, 0.05);
        Transient.AddNoiseBurst(samples, 0, key, 3, softer.ClickMs, clickLevel, Math.Min(contactHz * 1.5, 18000));

        var loudness = (a.Loudness + b.Loudness) * 0.5 * 0.7 * Transient.Loudness(impulse, 0.35);
        Transient.NormalizePeak(samples, loudness);
        return samples;
    }

    private static void AddBody(List<Mode> modes, MaterialAcoustics body, double contactHz, ulong key, ulong stream)
    {
        // Same material, different object: a seeded ±12 % size variation keeps repeated hits from sounding cloned.
        var fundamental = body.Fundamental * (0.88 + 0.24 * NoiseHash.Unit(key, stream, 0));
        for (var k = 0; k < body.Ratios.Length; k++)
        {
            var frequency = fundamental * body.Ratios[k] * (1 + 0.01 * (NoiseHash.Unit(key, stream, k + 1) - 0.5));
            var excitation = 1 / (1 + frequency / contactHz * (frequency / contactHz));
            var t60 = body.RingSeconds / (1 + body.HighModeDamping * (body.Ratios[k] - 1));
            modes.Add(new Mode(frequency, body.Weights[k] * excitation, t60));
        }
    }
}
