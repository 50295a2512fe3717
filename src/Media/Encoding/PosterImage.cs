namespace Sora.Media.Encoding;

/// <summary>Poster images (JPEG) made by ffmpeg from one raw frame.</summary>
public static class PosterImage
{
    /// <summary>The JPEG of one RGB24 frame of <paramref name="width"/>×<paramref name="height"/>.</summary>
    public static Task<byte[]> FromFrameAsync(ReadOnlyMemory<byte> rgb24, int width, int height, CancellationToken ct = default)
    {
        if (rgb24.Length != width * height * 3) throw new ArgumentException($"{rgb24.Length} bytes are not one {width}×{height} RGB24 frame", nameof(rgb24));
        return Ffmpeg.RunAsync(["-f", "rawvideo", "-pix_fmt", "rgb24", "-s", $"{width}x{height}", "-i", "-",
            "-frames:v", "1", "-q:v", "3", "-f", "image2", "-c:v", "mjpeg", "pipe:1"], rgb24, ct);
    }
}
