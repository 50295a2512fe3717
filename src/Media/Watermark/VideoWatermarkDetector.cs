using Sora.Media.Encoding;

namespace Sora.Media.Watermark;

/// <summary>What the video detector found: the payload (when the CRC matched), the sync score and the raw (pre-ECC) bit agreement.</summary>
public sealed record VideoWatermarkResult(bool Detected, ulong? Payload, double BitAccuracy, double SyncScore, double Scale, int Frames)
{
    /// <summary>Soft values of the coded bits at the best alignment (positive means 1), for callers that know the payload.</summary>
    public double[] SoftBits { get; init; } = [];

    /// <summary>Fraction of coded bits whose sign agrees with the codeword of <paramref name="payload"/> (bit accuracy before ECC).</summary>
    public double CodedBitAccuracy(ulong payload)
    {
        if (SoftBits.Length == 0) return 0;
        var coded = VideoWatermark.Code.Encode(payload);
        var agree = 0;
        for (var i = 0; i < coded.Length; i++) if ((SoftBits[i] > 0) == (coded[i] == 1)) agree++;
        return (double)agree / coded.Length;
    }
}

/// <summary>
/// Finds the video mark in luma frames: high-pass each frame and weigh every pixel by how quiet its neighbourhood is
/// (<see cref="LumaHighPass"/>), fold it modulo the tile (for each candidate scale) into 4-pixel bins, sum them into cells
/// and flatten the cells' spectrum (<see cref="CellWhitening"/>), then search the sub-cell phase and cyclic cell shift that
/// best matches the sync cells.
/// </summary>
/// <remarks>
/// False-positive bound. Under "no mark", the sync score of one alignment is a normalized correlation of 142 cell sums
/// with independent ±1 signs, ≈ N(0,1). The cell sums are whatever the frames and their per-pixel weights make them; the
/// weights and the whitening look at the frames only, never at the signs, so the bound holds for any content. The search
/// covers <see cref="Scales"/>.Length × 9 phases × 400 shifts = 10 800 alignments, so P(max score ≥ 5.5) ≤ 10 800 · Q(5.5)
/// ≈ 2.1·10⁻⁴. Only the best alignment is decoded, and its data cells are disjoint from the sync cells, so a CRC-16 match on
/// noise is an independent 2⁻¹⁶ ≈ 1.5·10⁻⁵ event. Both together: P(false positive) ≤ 3.2·10⁻⁹ per video, well under the
/// 10⁻⁶ goal.
/// </remarks>
public sealed class VideoWatermarkDetector
{
    public static readonly double[] Scales = [1.0, 0.5, 0.75];
    public const double SyncThreshold = 5.5;
    private const int BinSize = 4;
    private const int BinsPerCell = VideoWatermark.CellSize / BinSize;
    private const int BinsPerSide = VideoWatermark.TileSize / BinSize;

    private readonly double[][] _bins = Scales.Select(_ => new double[BinsPerSide * BinsPerSide]).ToArray();
    private int[][]? _binX;
    private int[][]? _binY;
    private int _width, _height;
    private LumaHighPass? _highPass;

    public int Frames { get; private set; }

    /// <summary>Adds one 8-bit luma frame (row-major, width × height).</summary>
    public void AddFrame(ReadOnlySpan<byte> luma, int width, int height)
    {
        if (_binX is null || width != _width || height != _height)
        {
            if (_binX is not null) throw new ArgumentException("all frames of one detection must have the same size");
            _width = width; _height = height;
            _binX = Scales.Select(s => Enumerable.Range(0, width).Select(x => (int)(x / (s * BinSize)) % BinsPerSide).ToArray()).ToArray();
            _binY = Scales.Select(s => Enumerable.Range(0, height).Select(y => (int)(y / (s * BinSize)) % BinsPerSide).ToArray()).ToArray();
            _highPass = new LumaHighPass(width, height);
        }
        _highPass!.Apply(luma[..(width * height)]);
        var residual = _highPass.Residual;
        for (var k = 0; k < Scales.Length; k++)
        {
            var bins = _bins[k];
            var bx = _binX[k];
            var by = _binY![k];
            for (var y = 0; y < height; y++)
            {
                var row = by[y] * BinsPerSide;
                var r = residual.AsSpan(y * width, width);
                for (var x = 0; x < width; x++) bins[row + bx[x]] += r[x];
            }
        }
        Frames++;
    }

    public VideoWatermarkResult Detect()
    {
        const int n = VideoWatermark.CellsPerSide;
        double bestScore = double.NegativeInfinity;
        (int Scale, double[] Cells, int U0, int V0) best = default;
        var syncCells = Enumerable.Range(0, VideoWatermark.Cells).Where(i => VideoWatermark.CellRole[i] < 0).ToArray();
        for (var k = 0; k < Scales.Length; k++)
        {
            for (var py = 0; py < BinsPerCell; py++)
            for (var px = 0; px < BinsPerCell; px++)
            {
                var cells = CellWhitening.Apply(CellSums(_bins[k], px, py));
                for (var v0 = 0; v0 < n; v0++)
                for (var u0 = 0; u0 < n; u0++)
                {
                    double correlation = 0, energy = 0;
                    foreach (var i in syncCells)
                    {
                        var c = cells[((i / n + v0) % n) * n + (i % n + u0) % n];
                        correlation += VideoWatermark.CellSign[i] * c;
                        energy += c * c;
                    }
                    var score = energy > 0 ? correlation / Math.Sqrt(energy) : 0;
                    if (score > bestScore) { bestScore = score; best = (k, cells, u0, v0); }
                }
            }
        }
        if (best.Cells is null) return new VideoWatermarkResult(false, null, 0, 0, 0, Frames);

        var soft = new double[VideoWatermark.Code.CodedBits];
        for (var i = 0; i < VideoWatermark.Cells; i++)
        {
            var bit = VideoWatermark.CellRole[i];
            if (bit < 0) continue;
            soft[bit] = VideoWatermark.CellSign[i] * best.Cells[((i / n + best.V0) % n) * n + (i % n + best.U0) % n];
        }
        var payload = VideoWatermark.Code.Decode(soft);
        var result = new VideoWatermarkResult(payload is not null && bestScore >= SyncThreshold, payload, 0, bestScore, Scales[best.Scale], Frames) { SoftBits = soft };
        return payload is { } p ? result with { BitAccuracy = result.CodedBitAccuracy(p) } : result;
    }

    private static double[] CellSums(double[] bins, int px, int py)
    {
        const int n = VideoWatermark.CellsPerSide;
        var cells = new double[n * n];
        for (var v = 0; v < n; v++)
        for (var u = 0; u < n; u++)
        {
            double sum = 0;
            for (var dy = 0; dy < BinsPerCell; dy++)
            for (var dx = 0; dx < BinsPerCell; dx++)
                sum += bins[((v * BinsPerCell + py + dy) % BinsPerSide) * BinsPerSide + (u * BinsPerCell + px + dx) % BinsPerSide];
            cells[v * n + u] = sum;
        }
        return cells;
    }

    /// <summary>Decodes a file's video with ffmpeg (at most <paramref name="maxFrames"/> frames) and looks for the mark.</summary>
    public static async Task<VideoWatermarkResult> DetectFileAsync(string file, int maxFrames = 240, CancellationToken ct = default)
    {
        var (width, height, frames) = await Ffmpeg.DecodeLumaAsync(file, maxFrames, ct);
        var detector = new VideoWatermarkDetector();
        foreach (var frame in frames) detector.AddFrame(frame, width, height);
        return detector.Detect();
    }
}
