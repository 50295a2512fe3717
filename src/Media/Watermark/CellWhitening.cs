using System.Numerics;

namespace Sora.Media.Watermark;

/// <summary>
/// Flattens the spectrum of a tile's cell sums before they are correlated with the mark. The mark's cells are
/// pseudo-random, so its spectrum is flat; what a scene leaves in the cells is not (walls, floors and skies put their
/// energy into low cell frequencies). Dividing every frequency by the square root of its magnitude takes most of
/// that away while keeping the mark, which matters most for still scenes, whose content never averages out.
/// </summary>
/// <remarks>A fixed, shift-invariant transform of the cell sums that does not look at the sync signs, so the sync
/// score on unmarked video keeps the distribution the false-positive bound assumes.</remarks>
internal static class CellWhitening
{
    private const int N = VideoWatermark.CellsPerSide;
    private const double OutlierLimit = 2.5;
    private static readonly Complex[] Twiddle = [.. Enumerable.Range(0, N).Select(k => Complex.FromPolarCoordinates(1, -2 * Math.PI * k / N))];

    public static double[] Apply(double[] cells)
    {
        var spectrum = Transform([.. cells.Select(c => new Complex(c, 0))], inverse: false);
        spectrum[0] = Complex.Zero; // the mean says nothing about the pattern
        for (var k = 1; k < spectrum.Length; k++)
        {
            var magnitude = spectrum[k].Magnitude;
            spectrum[k] = magnitude > 1e-12 ? spectrum[k] / Math.Sqrt(magnitude) : Complex.Zero;
        }
        var white = Transform(spectrum, inverse: true).Select(c => c.Real).ToArray();
        // A few cells can still hold strong leftovers of the scene (an edge, a lamp): limit any cell to a few typical ones.
        var typical = white.Select(Math.Abs).Order().ElementAt(white.Length / 2);
        var limit = OutlierLimit * typical;
        for (var i = 0; i < white.Length; i++) white[i] = Math.Clamp(white[i], -limit, limit);
        return white;
    }

    /// <summary>A direct 2-D DFT over the 20×20 torus of cells, rows then columns.</summary>
    private static Complex[] Transform(Complex[] values, bool inverse)
    {
        var rows = new Complex[N * N];
        for (var v = 0; v < N; v++)
        for (var ku = 0; ku < N; ku++)
        {
            var sum = Complex.Zero;
            for (var u = 0; u < N; u++) sum += values[v * N + u] * Factor(ku * u, inverse);
            rows[v * N + ku] = sum;
        }
        var result = new Complex[N * N];
        for (var ku = 0; ku < N; ku++)
        for (var kv = 0; kv < N; kv++)
        {
            var sum = Complex.Zero;
            for (var v = 0; v < N; v++) sum += rows[v * N + ku] * Factor(kv * v, inverse);
            result[kv * N + ku] = inverse ? sum / (N * N) : sum;
        }
        return result;
    }

    private static Complex Factor(int product, bool inverse) =>
        inverse ? Complex.Conjugate(Twiddle[product % N]) : Twiddle[product % N];
}
