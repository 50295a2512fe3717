using Sora.Inference;
using Sora.Inference.World;
using Sora.Inference.World.Planning;
using Sora.Inference.World.Rendering;
using Sora.Media.Watermark.Visible;

namespace Sora.Silo.Cli.Generate;

/// <summary>One PNG: the same frame of a plan in every style, side by side, each tile labelled with its style's name.</summary>
public static class ContactSheet
{
    public const int TileWidth = 320, TileHeight = 180, Columns = 4;
    /// <summary>The sheet shows the frame one second in, when most scenes are already moving.</summary>
    private const double FrameSeconds = 1;

    public static async Task<byte[]> RenderAsync(WorldEngine engine, GenerationRequest request, CancellationToken cancellationToken)
    {
        var styles = Catalog.Styles;
        var rows = (styles.Count + Columns - 1) / Columns;
        var sheetWidth = TileWidth * Columns;
        var sheet = new byte[sheetWidth * TileHeight * rows * 3];
        for (var s = 0; s < styles.Count; s++)
        {
            var tile = await LastFrameAsync(engine, request with
            {
                Style = styles[s], Width = TileWidth, Height = TileHeight, Seconds = Math.Min(FrameSeconds, request.Seconds),
            }, cancellationToken);
            Label(tile, TileWidth, TileHeight, styles[s]);
            var originX = s % Columns * TileWidth;
            var originY = s / Columns * TileHeight;
            for (var y = 0; y < TileHeight; y++)
                tile.AsSpan(y * TileWidth * 3, TileWidth * 3).CopyTo(sheet.AsSpan(((originY + y) * sheetWidth + originX) * 3));
        }
        return PngEncoder.Encode(sheet, sheetWidth, TileHeight * rows);
    }

    private static async Task<byte[]> LastFrameAsync(WorldEngine engine, GenerationRequest request, CancellationToken cancellationToken)
    {
        MediaChunk? last = null;
        await foreach (var chunk in engine.GenerateAsync(request, cancellationToken)) last = chunk;
        return last!.Frame(last.FrameCount - 1).ToArray();
    }

    /// <summary>White single-stroke letters with a dark outline in the tile's top-left corner, readable on any style.</summary>
    private static void Label(byte[] rgb, int width, int height, string text)
    {
        const double unit = 2, left = 6, top = 6, ink = 0.9, outline = 2.2;
        var segments = new List<(double X0, double Y0, double X1, double Y1)>();
        var pen = left;
        foreach (var c in text.Where(StrokeFont.Supports))
        {
            var glyph = StrokeFont.Of(c);
            foreach (var stroke in glyph.Strokes)
                for (var i = 0; i < stroke.Length; i++)
                {
                    var a = stroke[i];
                    var b = stroke[Math.Min(i + 1, stroke.Length - 1)];
                    if (stroke.Length > 1 && i == stroke.Length - 1) break;
                    segments.Add((pen + a.X * unit, top + a.Y * unit, pen + b.X * unit, top + b.Y * unit));
                }
            pen += glyph.Advance * unit;
        }
        var maxX = Math.Min(width, (int)Math.Ceiling(pen + outline));
        var maxY = Math.Min(height, (int)Math.Ceiling(top + StrokeFont.Descender * unit + outline));
        for (var y = 0; y < maxY; y++)
            for (var x = 0; x < maxX; x++)
            {
                var distance = segments.Min(s => Distance(x + 0.5, y + 0.5, s));
                if (distance > outline) continue;
                var value = distance <= ink ? (byte)255 : (byte)0;
                var at = (y * width + x) * 3;
                rgb[at] = rgb[at + 1] = rgb[at + 2] = value;
            }
    }

    private static double Distance(double x, double y, (double X0, double Y0, double X1, double Y1) s)
    {
        var (dx, dy) = (s.X1 - s.X0, s.Y1 - s.Y0);
        var length2 = dx * dx + dy * dy;
        var t = length2 == 0 ? 0 : Math.Clamp(((x - s.X0) * dx + (y - s.Y0) * dy) / length2, 0, 1);
        var (px, py) = (s.X0 + t * dx - x, s.Y0 + t * dy - y);
        return Math.Sqrt(px * px + py * py);
    }
}
