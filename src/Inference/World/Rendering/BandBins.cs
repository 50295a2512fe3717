namespace Sora.Inference.World.Rendering;

/// <summary>Triangle indices sorted into horizontal bands of rows, in submission order, so each band can be drawn by its own thread.</summary>
internal sealed class BandBins
{
    public const int BandHeight = 16;
    private int[][] bins = [];
    private int[] counts = [];

    public int BandCount { get; private set; }

    public void Fill(ReadOnlySpan<ScreenTriangle> triangles, int height)
    {
        BandCount = (height + BandHeight - 1) / BandHeight;
        if (bins.Length < BandCount)
        {
            Array.Resize(ref bins, BandCount);
            Array.Resize(ref counts, BandCount);
            for (var i = 0; i < BandCount; i++) bins[i] ??= new int[256];
        }
        Array.Clear(counts, 0, BandCount);
        for (var t = 0; t < triangles.Length; t++)
        {
            var last = triangles[t].MaxY / BandHeight;
            for (var band = triangles[t].MinY / BandHeight; band <= last; band++)
            {
                if (counts[band] == bins[band].Length) Array.Resize(ref bins[band], bins[band].Length * 2);
                bins[band][counts[band]++] = t;
            }
        }
    }

    public ReadOnlySpan<int> Band(int band) => bins[band].AsSpan(0, counts[band]);
}
