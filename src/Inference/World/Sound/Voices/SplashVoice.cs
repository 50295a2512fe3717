using Sora.Inference.World.Scene;
using Sora.Inference.World.Sound.Dsp;

namespace Sora.Inference.World.Sound.Voices;

/// <summary>
/// Water entry: a low plunk of the cavity, a band-passed noise burst sweeping down as the spray falls, and
/// Minnaert bubbles (damped sines whose pitch rises as they shrink). Bigger and faster means louder, longer,
/// more bubbles and lower pitch.
/// </summary>
internal static class SplashVoice
{
    public static float[] Render(float speed, float mass, ulong key)
    {
        var v = Math.Max(0, speed);
        var m = Math.Max(0.01, mass);
        var size = v * Math.Pow(m, 0.3);
        var seconds = Math.Clamp(0.12 + 0.08 * v * Math.Pow(m, 0.25), 0.1, 1.5);
        var length = (int)((seconds * 1.6 + 0.2) * AudioFormat.SampleRate);
        var samples = new float[length];

        // Spray: noise through a band-pass sweeping from bright to dull, retuned every 32 samples.
        var burst = (int)(seconds * AudioFormat.SampleRate);
        var band = Biquad.BandPass(1800, 0.8);
        var body = Biquad.LowPass(400);
        double fall = 1, fallStep = Math.Exp(-3.5 / burst);
        for (var i = 0; i < burst; i++)
        {
            var t = (double)i / burst;
            if (i % 32 == 0) band.Retune(1800 * (1 - 0.55 * t) + 300, 0.8, Biquad.FilterType.BandPass);
            var envelope = Math.Min(1, i / (0.004 * AudioFormat.SampleRate)) * fall;
            fall *= fallStep;
            var noise = NoiseHash.Bipolar(key, 1, i);
            samples[i] += (float)(envelope * (band.Process(noise) * 1.4 + body.Process(noise) * 0.8 * Math.Min(1, size / 4)));
        }

        var plunk = 140 + 260 / Math.Pow(m, 0.15);
        ModalBank.Add(samples, 0, [new Mode(plunk, 0.35 * Math.Min(1, size / 3), 0.12), new Mode(plunk * 1.7, 0.12, 0.06)]);

        var bubbles = (int)Math.Clamp(3 + 8 * size, 3, 60);
        for (var n = 0; n < bubbles; n++)
        {
            var onset = (int)(NoiseHash.Unit(key, 2, n) * seconds * 1.2 * AudioFormat.SampleRate);
            var radius = 0.001 * Math.Pow(8, NoiseHash.Unit(key, 3, n)) * Math.Clamp(Math.Pow(m, 0.15), 0.6, 2);
            AddBubble(samples, onset, 3.26 / radius, 0.15 + 0.25 * NoiseHash.Unit(key, 4, n));
        }

        Transient.NormalizePeak(samples, 0.6 * Transient.Loudness(v * Math.Pow(m, 0.3), 0.25));
        return samples;
    }

    private static void AddBubble(Span<float> samples, int onset, double frequency, double amplitude)
    {
        // van den Doel's bubble: decay rate and upward chirp both follow from the Minnaert frequency.
        var damping = 0.043 * frequency + 0.0014 * Math.Pow(frequency, 1.5);
        var rise = 0.1 * damping;
        var length = Math.Min(samples.Length - onset, (int)(7 / damping * AudioFormat.SampleRate));
        var decay = Math.Exp(-damping / AudioFormat.SampleRate);
        // A rotating phasor whose step is re-tuned every 16 samples as the pitch glides up.
        double re = amplitude, im = 0, stepRe = 1, stepIm = 0;
        for (var i = 0; i < length; i++)
        {
            if (i % 16 == 0)
            {
                var omega = 2 * Math.PI * frequency * (1 + rise * (i + 8.0) / AudioFormat.SampleRate) / AudioFormat.SampleRate;
                stepRe = Math.Cos(omega) * decay;
                stepIm = Math.Sin(omega) * decay;
            }
            samples[onset + i] += (float)im;
            var nextRe = re * stepRe - im * stepIm;
            im = re * stepIm + im * stepRe;
            re = nextRe;
        }
    }
}
