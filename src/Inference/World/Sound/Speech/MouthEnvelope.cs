namespace Sora.Inference.World.Sound.Speech;

/// <summary>Turns a speech signal into a mouth-openness curve: RMS per frame, a fast-open/slower-close smoother, normalised to the line's loud parts.</summary>
internal static class MouthEnvelope
{
    public static float[] From(ReadOnlySpan<float> samples, int frameLength)
    {
        var frames = (samples.Length + frameLength - 1) / frameLength;
        var rms = new float[frames];
        for (var f = 0; f < frames; f++)
        {
            var frame = samples.Slice(f * frameLength, Math.Min(frameLength, samples.Length - f * frameLength));
            double sum = 0;
            foreach (var s in frame) sum += s * s;
            rms[f] = (float)Math.Sqrt(sum / Math.Max(1, frame.Length));
        }

        var sorted = (float[])rms.Clone();
        Array.Sort(sorted);
        var loud = sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * 0.95))];
        var floor = loud * 0.08f;
        var mouth = new float[frames];
        float state = 0;
        for (var f = 0; f < frames; f++)
        {
            var target = loud <= 1e-6f ? 0 : Math.Clamp((rms[f] - floor) / (loud - floor), 0, 1);
            // Lips open quickly and close a little more slowly, as they do.
            state += (target > state ? 0.7f : 0.35f) * (target - state);
            mouth[f] = state;
        }
        return mouth;
    }
}
