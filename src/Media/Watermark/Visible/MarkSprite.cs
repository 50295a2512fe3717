namespace Sora.Media.Watermark.Visible;

/// <summary>
/// The visible mark rasterised once per frame size: the "Sora" wordmark over the creator's @handle, as two anti-aliased
/// coverage masks (glyph and halo, 0–255) in a box of <see cref="Width"/> × <see cref="Height"/> pixels.
/// </summary>
public sealed class MarkSprite
{
    private const double WordmarkStroke = 0.62; // half stroke width, glyph units
    private const double HandleStroke = 0.55;
    private const double HandleScale = 0.55;    // handle unit relative to the wordmark unit

    private MarkSprite(int width, int height, byte[] glyph, byte[] halo)
    {
        Width = width;
        Height = height;
        Glyph = glyph;
        Halo = halo;
    }

    public int Width { get; }
    public int Height { get; }
    /// <summary>Coverage of the glyph strokes, row-major.</summary>
    public byte[] Glyph { get; }
    /// <summary>Coverage of the halo around the strokes (includes the strokes), row-major.</summary>
    public byte[] Halo { get; }

    /// <summary>Lays out and rasterises the mark for a frame of the given height.</summary>
    public static MarkSprite Render(string handleText, int frameHeight)
    {
        // About 6 % of the frame height for the wordmark's capitals, never so small that the handle's strokes vanish.
        var unit = Math.Max(frameHeight * 0.06 / StrokeFont.CapHeight, 3.2 / HandleScale / 2);
        var handleUnit = unit * HandleScale;
        var haloPx = Math.Max(1.5, unit * 0.45);
        var pad = (int)Math.Ceiling(haloPx + 2);

        var wordmarkWidth = StrokeFont.Measure("Sora") * unit;
        var handleWidth = StrokeFont.Measure(handleText) * handleUnit;
        var wordmarkTop = pad + WordmarkStroke * unit;
        var handleTop = wordmarkTop + StrokeFont.CapHeight * unit + 2.2 * handleUnit;
        var width = (int)Math.Ceiling(Math.Max(wordmarkWidth, handleWidth) + 2 * (pad + WordmarkStroke * unit));
        var height = (int)Math.Ceiling(handleTop + StrokeFont.Descender * handleUnit + HandleStroke * handleUnit + pad);

        var segments = new List<Segment>();
        Lay(segments, "Sora", pad + WordmarkStroke * unit, wordmarkTop, unit, WordmarkStroke * unit);
        Lay(segments, handleText, pad + WordmarkStroke * unit, handleTop, handleUnit, HandleStroke * handleUnit);

        var glyph = new byte[width * height];
        var halo = new byte[width * height];
        foreach (var s in segments) Rasterise(s, haloPx, glyph, halo, width, height);
        return new MarkSprite(width, height, glyph, halo);
    }

    private readonly record struct Segment(double X0, double Y0, double X1, double Y1, double HalfWidth);

    private static void Lay(List<Segment> segments, string text, double left, double top, double unit, double halfWidth)
    {
        var x = left;
        foreach (var c in text)
        {
            var glyph = StrokeFont.Of(c);
            foreach (var stroke in glyph.Strokes)
            {
                if (stroke.Length == 1) segments.Add(new Segment(x + stroke[0].X * unit, top + stroke[0].Y * unit, x + stroke[0].X * unit, top + stroke[0].Y * unit, halfWidth * 1.15));
                for (var i = 1; i < stroke.Length; i++)
                    segments.Add(new Segment(x + stroke[i - 1].X * unit, top + stroke[i - 1].Y * unit, x + stroke[i].X * unit, top + stroke[i].Y * unit, halfWidth));
            }
            x += glyph.Advance * unit;
        }
    }

    // Coverage from the distance of each pixel centre to the segment: full inside the stroke, a one-pixel linear ramp at its edge.
    private static void Rasterise(Segment s, double haloPx, byte[] glyph, byte[] halo, int width, int height)
    {
        var reach = s.HalfWidth + haloPx + 1;
        var x0 = Math.Max(0, (int)Math.Floor(Math.Min(s.X0, s.X1) - reach));
        var x1 = Math.Min(width - 1, (int)Math.Ceiling(Math.Max(s.X0, s.X1) + reach));
        var y0 = Math.Max(0, (int)Math.Floor(Math.Min(s.Y0, s.Y1) - reach));
        var y1 = Math.Min(height - 1, (int)Math.Ceiling(Math.Max(s.Y0, s.Y1) + reach));
        double dx = s.X1 - s.X0, dy = s.Y1 - s.Y0, lengthSquared = dx * dx + dy * dy;
        for (var y = y0; y <= y1; y++)
        for (var x = x0; x <= x1; x++)
        {
            double px = x + 0.5 - s.X0, py = y + 0.5 - s.Y0;
            var t = lengthSquared > 0 ? Math.Clamp((px * dx + py * dy) / lengthSquared, 0, 1) : 0;
            double ex = px - t * dx, ey = py - t * dy;
            var distance = Math.Sqrt(ex * ex + ey * ey);
            var i = y * width + x;
            glyph[i] = Math.Max(glyph[i], Coverage(s.HalfWidth - distance));
            halo[i] = Math.Max(halo[i], Coverage(s.HalfWidth + haloPx - distance));
        }
    }

    private static byte Coverage(double inside) => (byte)Math.Round(Math.Clamp(inside + 0.5, 0, 1) * 255);
}
