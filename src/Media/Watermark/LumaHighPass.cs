namespace Sora.Media.Watermark;

/// <summary>
/// The detector's view of a frame: luma minus its 17×17 local mean, clipped to ±<see cref="Clip"/>. The embedder uses
/// the same filter to see what the frame itself will contribute to each cell of the mark, and cancels it.
/// </summary>
internal sealed class LumaHighPass(int width, int height)
{
    public const int Radius = 8;
    public const float Clip = 6;

    private readonly long[] _integral = new long[(width + 1) * (height + 1)];
    private readonly byte[] _pixels = new byte[width * height];

    public int Width => width;
    public int Height => height;
    public float[] Residual { get; } = new float[width * height];

    public void Apply(ReadOnlySpan<byte> luma)
    {
        int w = width, h = height, iw = w + 1;
        for (var y = 0; y < h; y++)
        {
            long rowSum = 0;
            for (var x = 0; x < w; x++)
            {
                rowSum += luma[y * w + x];
                _integral[(y + 1) * iw + x + 1] = _integral[y * iw + x + 1] + rowSum;
            }
        }
        var integral = _integral;
        var residual = Residual;
        var pixels = _pixels;
        luma[..(w * h)].CopyTo(pixels);
        Parallel.For(0, h, y =>
        {
            int y0 = Math.Max(0, y - Radius), y1 = Math.Min(h, y + Radius + 1);
            for (var x = 0; x < w; x++)
            {
                int x0 = Math.Max(0, x - Radius), x1 = Math.Min(w, x + Radius + 1);
                var sum = integral[y1 * iw + x1] - integral[y0 * iw + x1] - integral[y1 * iw + x0] + integral[y0 * iw + x0];
                var mean = (float)sum / ((y1 - y0) * (x1 - x0));
                residual[y * w + x] = Math.Clamp(pixels[y * w + x] - mean, -Clip, Clip);
            }
        });
    }
}
