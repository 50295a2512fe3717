namespace Sora.Media.Watermark;

/// <summary>
/// The detector's view of a frame: luma minus its 17×17 local mean (clipped to ±<see cref="Clip"/>), each pixel divided
/// by the residual energy of its 13×13 neighbourhood.
/// </summary>
/// <remarks>
/// The mark is a ±2 level shift; what hides it is the scene's own detail. A still scene's detail never averages out over
/// frames, and in a tiled floor or wall almost every pixel sits near an edge whose residual is many times the mark.
/// Clipping alone keeps such pixels at full say (they add ±<see cref="Clip"/> of pure scene to the cell sums, with
/// nothing of the mark left in them). Weighing each pixel by the inverse of its local energy, as a correlation detector
/// does for noise of varying strength, lets the quiet parts of the frame, where the mark shows, speak for the cells, and
/// the busy parts hardly at all. The weights come from the frame alone, never from the mark's pattern.
/// </remarks>
internal sealed class LumaHighPass(int width, int height)
{
    public const int Radius = 8;
    public const int EnergyRadius = 6;
    public const float Clip = 20;
    /// <summary>The energy (levels²) below which a neighbourhood counts as flat: about what the mark itself leaves.</summary>
    public const float QuietEnergy = 2;

    private readonly long[] _integral = new long[(width + 1) * (height + 1)];
    private readonly double[] _energyIntegral = new double[(width + 1) * (height + 1)];
    private readonly byte[] _pixels = new byte[width * height];
    private readonly float[] _residual = new float[width * height];

    public int Width => width;
    public int Height => height;

    /// <summary>The weighted residual of the last frame given to <see cref="Apply"/>.</summary>
    public float[] Residual { get; } = new float[width * height];

    public void Apply(ReadOnlySpan<byte> luma)
    {
        int w = width, h = height, iw = w + 1;
        luma[..(w * h)].CopyTo(_pixels);
        var pixels = _pixels;
        var integral = _integral;
        for (var y = 0; y < h; y++)
        {
            long rowSum = 0;
            for (var x = 0; x < w; x++)
            {
                rowSum += pixels[y * w + x];
                integral[(y + 1) * iw + x + 1] = integral[y * iw + x + 1] + rowSum;
            }
        }
        var residual = _residual;
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

        var energy = _energyIntegral;
        for (var y = 0; y < h; y++)
        {
            double rowSum = 0;
            for (var x = 0; x < w; x++)
            {
                var r = residual[y * w + x];
                rowSum += r * r;
                energy[(y + 1) * iw + x + 1] = energy[y * iw + x + 1] + rowSum;
            }
        }
        var weighted = Residual;
        Parallel.For(0, h, y =>
        {
            int y0 = Math.Max(0, y - EnergyRadius), y1 = Math.Min(h, y + EnergyRadius + 1);
            for (var x = 0; x < w; x++)
            {
                int x0 = Math.Max(0, x - EnergyRadius), x1 = Math.Min(w, x + EnergyRadius + 1);
                var sum = energy[y1 * iw + x1] - energy[y0 * iw + x1] - energy[y1 * iw + x0] + energy[y0 * iw + x0];
                var local = (float)(sum / ((y1 - y0) * (x1 - x0)));
                weighted[y * w + x] = residual[y * w + x] * QuietEnergy / (QuietEnergy + local);
            }
        });
    }
}
