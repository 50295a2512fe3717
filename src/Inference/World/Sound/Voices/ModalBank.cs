namespace Sora.Inference.World.Sound.Voices;

/// <summary>Modal synthesis: a sum of exponentially damped sinusoids, each starting at phase zero (no click of its own).</summary>
internal static class ModalBank
{
    /// <summary>Modes are dropped once 80 dB down: inaudible under any mix.</summary>
    private const double AudibleDecibels = 80;

    /// <summary>Samples until the longest mode has decayed out.</summary>
    public static int LengthOf(ReadOnlySpan<Mode> modes)
    {
        var seconds = 0.0;
        foreach (var mode in modes) seconds = Math.Max(seconds, mode.T60 * AudibleDecibels / 60);
        return (int)Math.Ceiling(seconds * AudioFormat.SampleRate);
    }

    public static void Add(Span<float> destination, int offset, ReadOnlySpan<Mode> modes)
    {
        foreach (var mode in modes)
        {
            if (mode.Frequency <= 0 || mode.Frequency >= AudioFormat.SampleRate * 0.45 || mode.Amplitude == 0) continue;
            var length = Math.Min(destination.Length - offset, (int)(mode.T60 * AudibleDecibels / 60 * AudioFormat.SampleRate));
            if (length <= 0) continue;
            var radius = Math.Exp(-3 * Math.Log(10) / (mode.T60 * AudioFormat.SampleRate));
            var omega = 2 * Math.PI * mode.Frequency / AudioFormat.SampleRate;
            var stepRe = Math.Cos(omega) * radius;
            var stepIm = Math.Sin(omega) * radius;
            // A rotating phasor: cheaper than sin/exp per sample and stable in double precision.
            double re = mode.Amplitude, im = 0;
            var target = destination.Slice(offset, length);
            for (var i = 0; i < target.Length; i++)
            {
                target[i] += (float)im;
                var nextRe = re * stepRe - im * stepIm;
                im = re * stepIm + im * stepRe;
                re = nextRe;
            }
        }
    }
}
