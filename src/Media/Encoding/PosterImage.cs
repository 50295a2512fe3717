using SkiaSharp;

namespace Sora.Media.Encoding;

/// <summary>Poster images: the JPEG of one frame, encoded in process (Skia) — an ffmpeg process for one picture costs a hundred times more.</summary>
public static class PosterImage
{
    public const int Quality = 85;

    /// <summary>The JPEG of one RGB24 frame of <paramref name="width"/>×<paramref name="height"/>.</summary>
    public static byte[] FromFrame(ReadOnlySpan<byte> rgb24, int width, int height)
    {
        if (width <= 0 || height <= 0 || rgb24.Length != width * height * 3)
            throw new ArgumentException($"{rgb24.Length} bytes are not one {width}×{height} RGB24 frame", nameof(rgb24));
        var rgbx = new byte[width * height * 4];
        for (int from = 0, to = 0; from < rgb24.Length; from += 3, to += 4)
        {
            rgbx[to] = rgb24[from];
            rgbx[to + 1] = rgb24[from + 1];
            rgbx[to + 2] = rgb24[from + 2];
            rgbx[to + 3] = 255;
        }
        using var image = SKImage.FromPixelCopy(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque), rgbx, width * 4);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, Quality);
        return jpeg.ToArray();
    }
}
