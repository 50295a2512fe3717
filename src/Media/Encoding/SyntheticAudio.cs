using Sora.Media.Watermark;

namespace Sora.Media.Encoding;

/// <summary>Synthetic 48 kHz stereo test sound: a chord with a moving melody, noise bursts (impacts) and a chirp.</summary>
public static class SyntheticAudio
{
    public static PcmBuffer Create(int seed, double seconds)
    {
        const int rate = 48000;
        var frames = (int)(seconds * rate);
        var samples = new float[frames * 2];
        var random = new Random(seed);
        double[] chord = [220 * (1 + random.Next(4) / 8.0), 277.2, 329.6, 440 * (1 + random.Next(3) / 6.0)];
        var burstEvery = rate * (0.4 + random.NextDouble() * 0.6);
        for (var i = 0; i < frames; i++)
        {
            var t = (double)i / rate;
            double s = 0;
            foreach (var f in chord) s += 0.08 * Math.Sin(2 * Math.PI * f * t + f);
            s += 0.1 * Math.Sin(2 * Math.PI * (500 + 300 * Math.Sin(t * 1.3)) * t);
            s += 0.05 * Math.Sin(2 * Math.PI * (200 + 1500 * (t % 2.0)) * t);
            var sinceBurst = i % (int)burstEvery;
            if (sinceBurst < rate / 10) s += 0.3 * Math.Exp(-sinceBurst / 800.0) * (random.NextDouble() * 2 - 1);
            samples[2 * i] = (float)(s * (0.8 + 0.2 * Math.Sin(t)));
            samples[2 * i + 1] = (float)(s * (0.8 + 0.2 * Math.Cos(t)));
        }
        return new PcmBuffer(rate, 2, samples);
    }
}
