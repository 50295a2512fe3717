using Sora.Inference.World.Scene;
using Sora.Inference.World.Sound.Dsp;

namespace Sora.Inference.World.Sound.Voices;

/// <summary>
/// A running machine for the whole of its duration: a car's (a truck's, lower) firing harmonics and exhaust rumble, a drone's
/// four slightly detuned rotor buzzes, an airplane's jet roar and whine. Speed wobbles slowly; it fades in and out.
/// </summary>
internal static class EngineVoice
{
    private const double FadeInSeconds = 0.3;
    private const double FadeOutSeconds = 0.4;
    private const double MaxSeconds = 600;
    private const int ControlStep = 32;

    /// <summary>A car's cylinder firing: a sharp pressure pulse decaying over the cycle, without its mean.</summary>
    private static readonly Wavetable Firing = new(phase => Math.Exp(-phase * 9) - (1 - Math.Exp(-9)) / 9);

    /// <summary>A small rotor's blade pass: a clipped sine plus a little sawtooth.</summary>
    private static readonly Wavetable Sine = new(phase => Math.Sin(2 * Math.PI * phase));

    private static readonly Wavetable BladePass = new(phase => Math.Tanh(3 * Math.Sin(2 * Math.PI * phase)) * 0.5 + (phase - 0.5) * 0.5);

    public static float[] Render(EngineSound engine, ulong key)
    {
        var seconds = Math.Clamp(engine.Duration, 0, MaxSeconds) + FadeOutSeconds;
        var samples = new float[(int)(seconds * AudioFormat.SampleRate)];
        switch ((engine.Kind ?? "").ToLowerInvariant())
        {
            case "drone":
                RenderDrone(samples, key);
                break;
            case "airplane" or "plane" or "jet":
                RenderAirplane(samples, key);
                break;
            case "truck" or "bus" or "tractor":
                RenderCar(samples, key, firingHz: 20, bodyHz: 600, level: 1.4);
                break;
            default:
                RenderCar(samples, key, firingHz: 32, bodyHz: 900, level: 1);
                break;
        }

        ApplyFades(samples, Math.Clamp(engine.Duration, 0, MaxSeconds));
        return samples;
    }

    private static double Wobble(ulong key, int i, double rate) =>
        NoiseHash.Smooth(key, 50, i * rate / AudioFormat.SampleRate) * 0.7 + NoiseHash.Smooth(key, 51, i * rate * 3.1 / AudioFormat.SampleRate) * 0.3;

    private static void RenderCar(Span<float> samples, ulong key, double firingHz, double bodyHz, double level)
    {
        var firing = firingHz * (1 + 0.3 * NoiseHash.Unit(key, 1, 0));
        var tone = Biquad.LowPass(bodyHz, 0.9);
        var exhaust = Biquad.LowPass(160);
        double phase = 0, frequency = firing;
        for (var i = 0; i < samples.Length; i++)
        {
            if (i % ControlStep == 0) frequency = firing * (1 + 0.08 * Wobble(key, i, 0.4));
            phase += frequency / AudioFormat.SampleRate;
            phase -= Math.Floor(phase);
            // A train of cylinder firings, rich in harmonics, shaped by the body's low-pass.
            var pulse = Firing.At(phase);
            var rumble = exhaust.Process(NoiseHash.Bipolar(key, 2, i)) * 3;
            samples[i] = (float)(level * (0.22 * tone.Process(pulse * (1 + 0.3 * rumble)) + 0.05 * rumble));
        }
    }

    private static void RenderDrone(Span<float> samples, ulong key)
    {
        Span<double> phases = stackalloc double[4];
        Span<double> rates = stackalloc double[4];
        for (var r = 0; r < 4; r++) rates[r] = (175 + 25 * NoiseHash.Unit(key, 3, r)) / AudioFormat.SampleRate;
        var whoosh = Biquad.BandPass(2500, 0.7);
        double speed = 1;
        for (var i = 0; i < samples.Length; i++)
        {
            if (i % ControlStep == 0) speed = 1 + 0.03 * Wobble(key, i, 1.3);
            double buzz = 0;
            for (var r = 0; r < 4; r++)
            {
                phases[r] += rates[r] * speed;
                phases[r] -= Math.Floor(phases[r]);
                    buzz += BladePass.At(phases[r]);
            }
            samples[i] = (float)(0.05 * buzz + 0.06 * whoosh.Process(NoiseHash.Bipolar(key, 4, i)));
        }
    }

    private static void RenderAirplane(Span<float> samples, ulong key)
    {
        var roar = Biquad.LowPass(500, 0.6);
        var roar2 = Biquad.LowPass(500, 0.6);
        var hiss = Biquad.BandPass(2200, 1.2);
        var whine = 3000 + 600 * NoiseHash.Unit(key, 5, 0);
        double phase = 0, wobble = 0;
        for (var i = 0; i < samples.Length; i++)
        {
            if (i % ControlStep == 0) wobble = Wobble(key, i, 0.2);
            phase += whine * (1 + 0.01 * wobble) / AudioFormat.SampleRate;
            phase -= Math.Floor(phase);
            var noise = NoiseHash.Bipolar(key, 6, i);
            samples[i] = (float)((0.35 * roar2.Process(roar.Process(noise)) + 0.08 * hiss.Process(noise)) * (1 + 0.15 * wobble)
                                 + 0.012 * Sine.At(phase));
        }
    }

    private static void ApplyFades(Span<float> samples, double runningSeconds)
    {
        var fadeIn = (int)(FadeInSeconds * AudioFormat.SampleRate);
        var stop = (int)(runningSeconds * AudioFormat.SampleRate);
        var fadeOut = (int)(FadeOutSeconds * AudioFormat.SampleRate);
        for (var i = 0; i < samples.Length; i++)
        {
            var gain = i < fadeIn ? (double)i / fadeIn : 1;
            if (i >= stop) gain *= Math.Max(0, 1 - (double)(i - stop) / fadeOut);
            samples[i] *= (float)gain;
        }
    }
}
