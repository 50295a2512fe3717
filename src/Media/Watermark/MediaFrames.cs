namespace Sora.Media.Watermark;

/// <summary>One RGB24 frame (row-major, 3 bytes per pixel, no padding) that marks are applied to in place.</summary>
public readonly record struct RgbFrame(int Width, int Height, Memory<byte> Pixels)
{
    public int Stride => Width * 3;

    public static RgbFrame Allocate(int width, int height) => new(width, height, new byte[width * height * 3]);
}

/// <summary>Interleaved float PCM (the platform uses 48 kHz stereo) that the audio mark is applied to in place.</summary>
public readonly record struct PcmBuffer(int SampleRate, int Channels, Memory<float> Samples)
{
    public int FrameCount => Samples.Length / Channels;
}
