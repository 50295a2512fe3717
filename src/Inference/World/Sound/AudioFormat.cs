namespace Sora.Inference.World.Sound;

/// <summary>The one output format of the World engine's sound: 48 kHz, stereo, interleaved float.</summary>
public static class AudioFormat
{
    public const int SampleRate = 48000;
    public const int Channels = 2;

    /// <summary>The first sample at or after <paramref name="seconds"/>, so nothing sounds before its cause.</summary>
    public static long SampleAt(double seconds) => (long)Math.Ceiling(seconds * SampleRate - 1e-9);
}
