using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Sora.Media.Watermark;

/// <summary>
/// The invisible video mark: a tile of 20×20 cells (12 px each at the marked resolution) repeated over the whole frame,
/// every cell shifting luma by ±<see cref="Amplitude"/>. 142 cells carry a fixed pseudo-random sync pattern, 258 carry the
/// coded payload (<see cref="PayloadCode"/>, 64 bits + CRC-16, rate 1/3), each spread by its own pseudo-random sign.
/// The rate-1/3 code is for small frames of still, textured scenes: a 640×360 frame holds only four copies of the tile,
/// and a still scene's texture never averages out, so each cell reads with a correlation near 0.7 to its chip. At that
/// level the sync cells find the alignment with room to spare (about 0.7·√142 ≈ 8.5 against the threshold 5.5), while a
/// rate-1/2 payload fails its CRC; the rate-1/3 code, with 1.8 dB more energy per bit and free distance 15 instead of 10,
/// decodes it.
/// The pattern is static in time, so it survives frame-rate changes and excerpts; it is periodic, so a crop is only a
/// cyclic shift of the tile, which the detector searches; downscaling is handled by trying a few scales.
/// </summary>
public static class VideoWatermark
{
    public const int CellSize = 12;
    public const int CellsPerSide = 20;
    public const int TileSize = CellSize * CellsPerSide;
    public const int Cells = CellsPerSide * CellsPerSide;
    public const int PayloadBits = 64;
    /// <summary>Luma change per pixel (8-bit levels): ±2 keeps PSNR near 42 dB.</summary>
    public const int Amplitude = 2;

    public static readonly PayloadCode Code = new(PayloadBits, outputsPerBit: 3);
    internal static readonly int SyncCells = Cells - Code.CodedBits;

    /// <summary>Per cell: -1 for a sync cell, else the index of the coded bit it carries.</summary>
    internal static readonly int[] CellRole;
    /// <summary>Per cell: the pseudo-random sign (±1) that spreads it.</summary>
    internal static readonly sbyte[] CellSign;

    static VideoWatermark()
    {
        // The layout is a fixed public key of the scheme: the same for every Sora instance, so any verifier can read it.
        var random = new Random(0x50_52_41);
        var order = Enumerable.Range(0, Cells).ToArray();
        random.Shuffle(order);
        CellRole = new int[Cells];
        Array.Fill(CellRole, -1);
        for (var bit = 0; bit < Code.CodedBits; bit++) CellRole[order[bit]] = bit;
        CellSign = new sbyte[Cells];
        for (var i = 0; i < Cells; i++) CellSign[i] = (sbyte)(random.Next(2) * 2 - 1);
    }

    /// <summary>The ±1 chip of every cell for a payload (row-major, <see cref="CellsPerSide"/>²).</summary>
    public static sbyte[] Pattern(ulong payload)
    {
        var coded = Code.Encode(payload);
        var pattern = new sbyte[Cells];
        for (var i = 0; i < Cells; i++)
            pattern[i] = (sbyte)(CellRole[i] < 0 ? CellSign[i] : CellSign[i] * (coded[CellRole[i]] == 1 ? 1 : -1));
        return pattern;
    }

    /// <summary>A 64-bit payload from a video id hash (48 bits) and the issuer id (16 bits).</summary>
    public static ulong CreatePayload(string videoId, ushort issuer)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(videoId));
        ulong id = 0;
        for (var i = 0; i < 6; i++) id = (id << 8) | hash[i];
        return (id << 16) | issuer;
    }
}

/// <summary>Embeds the video mark into RGB24 frames in place; build one per (payload, frame width) and reuse it for every frame.</summary>
public sealed class VideoWatermarkEmbedder
{
    private readonly int _width;
    // Per tile row of cells: the bytes to add and to subtract over a whole RGB row (saturating, so no wrap-around).
    private readonly byte[][] _add;
    private readonly byte[][] _subtract;

    public VideoWatermarkEmbedder(ulong payload, int width)
    {
        _width = width;
        Payload = payload;
        var pattern = VideoWatermark.Pattern(payload);
        _add = new byte[VideoWatermark.CellsPerSide][];
        _subtract = new byte[VideoWatermark.CellsPerSide][];
        for (var v = 0; v < VideoWatermark.CellsPerSide; v++)
        {
            _add[v] = new byte[width * 3];
            _subtract[v] = new byte[width * 3];
            for (var x = 0; x < width; x++)
            {
                var chip = pattern[v * VideoWatermark.CellsPerSide + (x / VideoWatermark.CellSize) % VideoWatermark.CellsPerSide];
                var target = chip > 0 ? _add[v] : _subtract[v];
                target[3 * x] = target[3 * x + 1] = target[3 * x + 2] = VideoWatermark.Amplitude;
            }
        }
    }

    public ulong Payload { get; }

    public void Apply(RgbFrame frame)
    {
        if (frame.Width != _width) throw new ArgumentException($"embedder built for width {_width}, frame is {frame.Width}", nameof(frame));
        var pixels = frame.Pixels.Span;
        var stride = frame.Stride;
        for (var y = 0; y < frame.Height; y++)
        {
            var v = (y / VideoWatermark.CellSize) % VideoWatermark.CellsPerSide;
            ApplyRow(pixels.Slice(y * stride, stride), _add[v], _subtract[v]);
        }
    }

    private static void ApplyRow(Span<byte> row, ReadOnlySpan<byte> add, ReadOnlySpan<byte> subtract)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated && Avx2.IsSupported)
        {
            for (; i + 32 <= row.Length; i += 32)
            {
                var px = Vector256.Create<byte>(row.Slice(i, 32));
                px = Avx2.SubtractSaturate(Avx2.AddSaturate(px, Vector256.Create<byte>(add.Slice(i, 32))), Vector256.Create<byte>(subtract.Slice(i, 32)));
                px.CopyTo(row.Slice(i, 32));
            }
        }
        for (; i < row.Length; i++) row[i] = (byte)Math.Clamp(row[i] + add[i] - subtract[i], 0, 255);
    }
}
