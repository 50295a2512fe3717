using System.Buffers;

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

        // The horizontal neighbours and weights are the same on every row: worked out once per frame.
        var left = ArrayPool<int>.Shared.Rent(width);
        var right = ArrayPool<int>.Shared.Rent(width);
        var weights = ArrayPool<float>.Shared.Rent(width);
        try
        {
            var scaleX = sourceWidth / (float)width;
            for (var x = 0; x < width; x++) (left[x], right[x], weights[x]) = Neighbours((x + 0.5f) * scaleX - 0.5f, sourceWidth);

            var scaleY = sourceHeight / (float)height;
            for (var y = 0; y < height; y++)
            {
                var (y0, y1, fy) = Neighbours((y + 0.5f) * scaleY - 0.5f, sourceHeight);
                var target = rgb.Slice(y * width * 3, width * 3);
                for (var channel = 0; channel < 3; channel++)
                {
                    var top = planar.Slice(channel * plane + y0 * sourceWidth, sourceWidth);
                    var bottom = planar.Slice(channel * plane + y1 * sourceWidth, sourceWidth);
                    for (var x = 0; x < width; x++)
                    {
                        var (x0, x1, fx) = (left[x], right[x], weights[x]);
                        var upper = top[x0] + fx * (top[x1] - top[x0]);
                        var lower = bottom[x0] + fx * (bottom[x1] - bottom[x0]);
                        target[x * 3 + channel] = ToByte(upper + fy * (lower - upper));
                    }
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(left);
            ArrayPool<int>.Shared.Return(right);
            ArrayPool<float>.Shared.Return(weights);
        }
    }

    private static (int Low, int High, float Fraction) Neighbours(float position, int size)
    {
        var clamped = Math.Clamp(position, 0, size - 1);
        var low = (int)clamped;
        return (low, Math.Min(low + 1, size - 1), clamped - low);
    }

    private static byte ToByte(float value) => float.IsNaN(value) ? (byte)0 : (byte)(Math.Clamp(value, 0f, 1f) * 255f + 0.5f);
}
