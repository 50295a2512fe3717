namespace Sora.Inference.Onnx.Pipeline;

/// <summary>
/// Decoder frames (planar float RGB in [0, 1], the model's own size) → packed RGB24 at the requested size, scaled
/// bilinearly (pixel centres aligned) when the sizes differ.
/// </summary>
public static class FrameConverter
{
    public static void ToRgb24(ReadOnlySpan<float> planar, int sourceWidth, int sourceHeight, Span<byte> rgb, int width, int height)
    {
        var plane = sourceWidth * sourceHeight;
        if (planar.Length != 3 * plane) throw new ArgumentException($"a {sourceWidth}x{sourceHeight} frame has {3 * plane} values, not {planar.Length}", nameof(planar));
        if (rgb.Length != 3 * width * height) throw new ArgumentException($"a {width}x{height} RGB24 frame has {3 * width * height} bytes, not {rgb.Length}", nameof(rgb));

        var scaleX = sourceWidth / (float)width;
        var scaleY = sourceHeight / (float)height;
        for (var y = 0; y < height; y++)
        {
            var (y0, y1, fy) = Neighbours((y + 0.5f) * scaleY - 0.5f, sourceHeight);
            for (var x = 0; x < width; x++)
            {
                var (x0, x1, fx) = Neighbours((x + 0.5f) * scaleX - 0.5f, sourceWidth);
                var target = (y * width + x) * 3;
                for (var channel = 0; channel < 3; channel++)
                {
                    var source = planar.Slice(channel * plane, plane);
                    var top = source[y0 * sourceWidth + x0] + fx * (source[y0 * sourceWidth + x1] - source[y0 * sourceWidth + x0]);
                    var bottom = source[y1 * sourceWidth + x0] + fx * (source[y1 * sourceWidth + x1] - source[y1 * sourceWidth + x0]);
                    rgb[target + channel] = ToByte(top + fy * (bottom - top));
                }
            }
        }
    }

    private static (int Low, int High, float Fraction) Neighbours(float position, int size)
    {
        var clamped = Math.Clamp(position, 0, size - 1);
        var low = (int)clamped;
        return (low, Math.Min(low + 1, size - 1), clamped - low);
    }

    private static byte ToByte(float value) => float.IsNaN(value) ? (byte)0 : (byte)Math.Round(Math.Clamp(value, 0f, 1f) * 255f);
}
