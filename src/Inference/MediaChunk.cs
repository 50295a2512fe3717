namespace Sora.Inference;

/// <summary>Consecutive RGB24 frames with the 48 kHz stereo samples (interleaved float) that play during them.</summary>
public sealed record MediaChunk(
    int FirstFrame,
    int FrameCount,
    int Width,
    int Height,
    ReadOnlyMemory<byte> Rgb24,
    ReadOnlyMemory<float> Audio)
{
    public const int SampleRate = 48000;
    public const int Channels = 2;

    public ReadOnlyMemory<byte> Frame(int index) => Rgb24.Slice(index * Width * Height * 3, Width * Height * 3);

    /// <summary>First sample frame (per channel) of video frame <paramref name="frame"/>; rounding never drifts.</summary>
    public static long SampleOfFrame(long frame, int fps) => frame * SampleRate / fps;
}
