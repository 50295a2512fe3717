namespace Sora.Inference.World.Sound.Speech;

/// <summary>
/// A line of speech as mono 48 kHz samples, with how far the mouth is open over time (from the loudness
/// envelope) so the renderer can move lips in sync with what is heard.
/// </summary>
public sealed class SpokenLine
{
    /// <summary>Mouth openness is sampled every 10 ms.</summary>
    public const int EnvelopeRate = 100;

    private readonly float[] _mouth;

    public SpokenLine(string text, string language, float[] samples)
    {
        Text = text;
        Language = language;
        Samples = samples;
        _mouth = MouthEnvelope.From(samples, AudioFormat.SampleRate / EnvelopeRate);
    }

    public string Text { get; }

    public string Language { get; }

    public float[] Samples { get; }

    public double DurationSeconds => (double)Samples.Length / AudioFormat.SampleRate;

    /// <summary>Openness in [0, 1] at every 10 ms step of the line.</summary>
    public IReadOnlyList<float> MouthOpennessFrames => _mouth;

    /// <summary>Openness in [0, 1] at <paramref name="seconds"/> from the start of the line; closed before and after it.</summary>
    public float MouthOpenness(double seconds)
    {
        if (seconds < 0 || _mouth.Length == 0) return 0;
        var position = seconds * EnvelopeRate;
        var index = (int)position;
        if (index >= _mouth.Length - 1) return index < _mouth.Length ? _mouth[index] : 0;
        var fraction = (float)(position - index);
        return _mouth[index] + (_mouth[index + 1] - _mouth[index]) * fraction;
    }
}
