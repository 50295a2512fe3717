namespace Sora.Media.Watermark.Visible;

/// <summary>A point in glyph units: x grows right, y grows down; cap top at y=0, x-height at y=3, baseline at y=7, descender at y=9.</summary>
public readonly record struct GlyphPoint(double X, double Y);

/// <summary>One glyph: strokes (open polylines, a single point is a dot) and how far the pen advances after it.</summary>
public sealed record Glyph(IReadOnlyList<GlyphPoint[]> Strokes, double Advance);

/// <summary>
/// The built-in single-stroke font of the visible mark: lowercase letters, digits, <c>_ . @</c>, and the capital S of the
/// Sora wordmark. Curves are polylines made from elliptic arcs, so the rasteriser only needs the distance to a segment.
/// </summary>
public static class StrokeFont
{
    public const double CapHeight = 7;
    public const double Descender = 9;
    private const double Width = 4;
    private const double Gap = 1.6;

    private static readonly Dictionary<char, Glyph> Glyphs = Build();

    public static bool Supports(char c) => Glyphs.ContainsKey(c);

    public static Glyph Of(char c) => Glyphs.TryGetValue(c, out var glyph) ? glyph : throw new ArgumentException($"the mark's font has no glyph for '{c}'", nameof(c));

    /// <summary>The width of a text set in this font, in glyph units.</summary>
    public static double Measure(string text) => text.Sum(c => Of(c).Advance) - Gap;

    private static Dictionary<char, Glyph> Build()
    {
        var g = new Dictionary<char, Glyph>();
        void Add(char c, params Pen[] strokes) => g[c] = new Glyph(strokes.Select(s => s.Points.ToArray()).ToList(), Width + Gap);
        void AddNarrow(char c, double width, params Pen[] strokes) => g[c] = new Glyph(strokes.Select(s => s.Points.ToArray()).ToList(), width + Gap);

        Pen Ring(double cx, double cy, double rx, double ry) => Pen.Arc(cx, cy, rx, ry, 0, 360);
        var bowl = Ring(2, 5, 2, 2);

        Add('a', bowl, Pen.Line(4, 3, 4, 7));
        Add('b', Pen.Line(0, 0, 0, 7), bowl);
        Add('c', Pen.Arc(2, 5, 2, 2, 45, 315));
        Add('d', bowl, Pen.Line(4, 0, 4, 7));
        Add('e', Pen.Line(0, 5, 4, 5), Pen.Arc(2, 5, 2, 2, 0, 320));
        AddNarrow('f', 3.5, Pen.Arc(3, 1.5, 1.5, 1.5, 60, 180).To(1.5, 7), Pen.Line(0, 3, 3, 3));
        Add('g', bowl, Pen.Line(4, 3, 4, 8).Then(Pen.Arc(2, 8, 2, 1, 0, -170)));
        Add('h', Pen.Line(0, 0, 0, 7), Pen.Arc(2, 5, 2, 2, 180, 0).To(4, 7));
        AddNarrow('i', 1, Pen.Line(0.5, 3, 0.5, 7), Pen.Dot(0.5, 1.2));
        AddNarrow('j', 2.5, Pen.Line(2, 3, 2, 8).Then(Pen.Arc(1, 8, 1, 1, 0, -180)), Pen.Dot(2, 1.2));
        Add('k', Pen.Line(0, 0, 0, 7), Pen.Line(4, 3, 0, 5.5), Pen.Line(1.4, 4.7, 4, 7));
        AddNarrow('l', 1, Pen.Line(0.5, 0, 0.5, 7));
        AddNarrow('m', 5, Pen.Line(0, 3, 0, 7), Pen.Arc(1.25, 4.6, 1.25, 1.6, 180, 0).To(2.5, 7), Pen.Arc(3.75, 4.6, 1.25, 1.6, 180, 0).To(5, 7));
        Add('n', Pen.Line(0, 3, 0, 7), Pen.Arc(2, 5, 2, 2, 180, 0).To(4, 7));
        Add('o', bowl);
        Add('p', Pen.Line(0, 3, 0, 9), bowl);
        Add('q', Pen.Line(4, 3, 4, 9), bowl);
        AddNarrow('r', 3.5, Pen.Line(0, 3, 0, 7), Pen.Arc(2.5, 5, 2.5, 2, 180, 70));
        Add('s', Pen.Arc(2, 4, 1.9, 1, 30, 270).Then(Pen.Arc(2, 6, 1.9, 1, 90, -150)));
        AddNarrow('t', 3.5, Pen.Line(1.2, 1, 1.2, 6).Then(Pen.Arc(2.4, 6, 1.2, 1, 180, 300)), Pen.Line(0, 3, 3.5, 3));
        Add('u', Pen.Line(0, 3, 0, 5).Then(Pen.Arc(2, 5, 2, 2, 180, 360)), Pen.Line(4, 3, 4, 7));
        Add('v', Pen.Line(0, 3, 2, 7).To(4, 3));
        AddNarrow('w', 5, Pen.Line(0, 3, 1.25, 7).To(2.5, 4).To(3.75, 7).To(5, 3));
        Add('x', Pen.Line(0, 3, 4, 7), Pen.Line(4, 3, 0, 7));
        Add('y', Pen.Line(0, 3, 2, 7), Pen.Line(4, 3, 1, 9));
        Add('z', Pen.Line(0, 3, 4, 3).To(0, 7).To(4, 7));

        Add('0', Ring(2, 3.5, 2, 3.5), Pen.Line(3.3, 1.2, 0.7, 5.8));
        AddNarrow('1', 3, Pen.Line(0, 1.5, 2, 0).To(2, 7));
        Add('2', Pen.Arc(2, 2, 2, 2, 160, -35).To(0, 7).To(4, 7));
        Add('3', Pen.Arc(2, 1.8, 1.8, 1.8, 150, -90).Then(Pen.Arc(2, 5.3, 1.9, 1.7, 90, -150)));
        Add('4', Pen.Line(3, 7, 3, 0).To(0, 5).To(4, 5));
        Add('5', Pen.Line(4, 0, 0.5, 0).To(0.3, 3.3).Then(Pen.Arc(2, 4.9, 2, 2.1, 130, -150)));
        Add('6', Ring(2, 5, 2, 2), Pen.Arc(4, 5, 4, 5, 180, 110));
        Add('7', Pen.Line(0, 0, 4, 0).To(1.5, 7));
        Add('8', Ring(2, 1.75, 1.7, 1.75), Ring(2, 5.25, 2, 1.75));
        Add('9', Ring(2, 2, 2, 2), Pen.Arc(0, 2, 4, 5, 0, -70));
        Add('_', Pen.Line(0, 8.2, 4, 8.2));
        AddNarrow('.', 1, Pen.Dot(0.5, 6.8));
        AddNarrow('@', 5.5, Ring(2.6, 4.6, 1.2, 1.4), Pen.Line(3.8, 3.2, 3.8, 5.4).Then(Pen.Arc(4.6, 5.4, 0.8, 0.8, 180, 360)).Then(Pen.Arc(2.75, 4.4, 2.75, 3.2, 10, 320)));

        Add('S', Pen.Arc(2, 1.75, 1.9, 1.75, 35, 270).Then(Pen.Arc(2, 5.25, 2, 1.75, 90, -145)));
        return g;
    }

    /// <summary>Builds one stroke from lines and elliptic arcs.</summary>
    private sealed class Pen
    {
        public List<GlyphPoint> Points { get; } = [];

        public static Pen Dot(double x, double y) => new Pen().To(x, y);

        public static Pen Line(double x0, double y0, double x1, double y1) => new Pen().To(x0, y0).To(x1, y1);

        /// <summary>An arc of the ellipse around (cx, cy), angles in degrees counter-clockwise from the right (y is down).</summary>
        public static Pen Arc(double cx, double cy, double rx, double ry, double fromDegrees, double toDegrees)
        {
            var pen = new Pen();
            var steps = Math.Max(4, (int)Math.Ceiling(Math.Abs(toDegrees - fromDegrees) / 12));
            for (var i = 0; i <= steps; i++)
            {
                var a = (fromDegrees + (toDegrees - fromDegrees) * i / steps) * Math.PI / 180;
                pen.To(cx + rx * Math.Cos(a), cy - ry * Math.Sin(a));
            }
            return pen;
        }

        public Pen To(double x, double y)
        {
            Points.Add(new GlyphPoint(x, y));
            return this;
        }

        public Pen Then(Pen next)
        {
            Points.AddRange(next.Points);
            return this;
        }
    }
}
