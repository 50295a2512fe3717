using Sora.Media.Watermark;

namespace Sora.Media.Encoding;

/// <summary>
/// Consecutive RGB24 frames of one size with the 48 kHz stereo interleaved float samples that play during them: what an
/// engine delivers, what the marks are applied to (in place) and what the encoder consumes.
/// </summary>
public sealed record FrameChunk
{
    public const int SampleRate = 48000;
    public const int Channels = 2;

    public FrameChunk(int width, int height, Memory<byte> rgb24, Memory<float> audio)
    {
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), "frame size must be positive");
        if (rgb24.Length % (width * height * 3) != 0) throw new ArgumentException($"{rgb24.Length} bytes are not whole {width}×{height} RGB24 frames", nameof(rgb24));
        if (audio.Length % Channels != 0) throw new ArgumentException("audio must be interleaved stereo", nameof(audio));
        Width = width;
        Height = height;
        Rgb24 = rgb24;
        Audio = audio;
    }

    public int Width { get; }
    public int Height { get; }
    public Memory<byte> Rgb24 { get; }
    public Memory<float> Audio { get; }
    public int FrameCount => Rgb24.Length / (Width * Height * 3);

    public RgbFrame Frame(int index) => new(Width, Height, Rgb24.Slice(index * Width * Height * 3, Width * Height * 3));

    public PcmBuffer AudioBuffer => new(SampleRate, Channels, Audio);

    /// <summary>First sample frame (per channel) of video frame <paramref name="frame"/>; exact, so chunk boundaries never drift.</summary>
    public static long SampleOfFrame(long frame, int fps) => frame * SampleRate / fps;
}
