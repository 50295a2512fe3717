using Sora.Media.Encoding;
using Sora.Media.Watermark;

namespace Sora.Media.Tests;

public sealed class VisibleWatermarkTests
{
    private const int Width = 854, Height = 480;

    [Fact]
    public void Mark_changes_pixels_inside_its_box_only()
    {
        var mark = new VisibleWatermark("@ada_lovelace", Width, Height, 24, seed: 1);
        var frame = SyntheticClip.Frame(SyntheticClip.Kind.Shapes, 4, 0, Width, Height);
        var original = frame.Pixels.ToArray();
        mark.Apply(frame, 0);

        var box = mark.BoxAt(0);
        var changed = 0;
        var pixels = frame.Pixels.Span;
        for (var y = 0; y < Height; y++)
        for (var x = 0; x < Width; x++)
        {
            var o = (y * Width + x) * 3;
            if (pixels[o] == original[o] && pixels[o + 1] == original[o + 1] && pixels[o + 2] == original[o + 2]) continue;
            Assert.True(box.Contains(x, y), $"pixel ({x},{y}) changed outside the mark's box {box}");
            changed++;
        }
        Assert.True(changed > box.Width * box.Height / 5, $"only {changed} pixels of a {box.Width}×{box.Height} box changed");
    }

    [Theory]
    [InlineData(255)]
    [InlineData(0)]
    [InlineData(128)]
    public void Mark_is_legible_on_bright_and_dark_frames(byte background)
    {
        var mark = new VisibleWatermark("ada", Width, Height, 24, seed: 2);
        var frame = RgbFrame.Allocate(Width, Height);
        frame.Pixels.Span.Fill(background);
        mark.Apply(frame, 0);

        var (glyph, ring) = GlyphAndRingLevels(mark, frame);
        var contrast = ContrastRatio(glyph, ring);
        // 3:1 is the WCAG minimum for large text; the halo keeps it on every background.
        Assert.True(contrast >= 3, $"on {background}: glyph {glyph:F0}, halo {ring:F0}, contrast {contrast:F2}:1");
    }

    [Fact]
    public void Mark_is_semi_transparent()
    {
        var mark = new VisibleWatermark("ada", Width, Height, 24, seed: 2);
        var levels = new[] { (byte)0, (byte)255 }.Select(level =>
        {
            var frame = RgbFrame.Allocate(Width, Height);
            frame.Pixels.Span.Fill(level);
            mark.Apply(frame, 0);
            return GlyphAndRingLevels(mark, frame);
        }).ToArray();
        // What lies beneath shows through both the glyph and the halo.
        Assert.True(levels[1].Glyph - levels[0].Glyph > 20, $"glyph {levels[0].Glyph:F0} on black, {levels[1].Glyph:F0} on white");
        Assert.True(levels[1].Ring - levels[0].Ring > 60, $"halo {levels[0].Ring:F0} on black, {levels[1].Ring:F0} on white");
    }

    [Theory]
    [InlineData(24)]
    [InlineData(30)]
    [InlineData(25)]
    public void Mark_moves_to_a_new_place_every_2_to_3_seconds(int fps)
    {
        var mark = new VisibleWatermark("ada", Width, Height, fps, seed: 99);
        var runs = new List<int>();
        var previous = mark.BoxAt(0);
        var run = 1;
        for (var i = 1; i < 90 * fps; i++)
        {
            var box = mark.BoxAt(i);
            if (box == previous) { run++; continue; }
            runs.Add(run);
            previous = box;
            run = 1;
        }
        Assert.True(runs.Count >= 29, $"{runs.Count} moves in 90 s");
        Assert.All(runs, length => Assert.InRange(length / (double)fps, 2.0, 3.0));
        Assert.True(runs.Distinct().Count() > 3, "durations never vary");
        var again = new VisibleWatermark("ada", Width, Height, fps, seed: 99);
        Assert.Equal(mark.BoxAt(1234), again.BoxAt(1234));
    }

    [Theory]
    [InlineData("@Ada_Lovelace", "ada_lovelace")]
    [InlineData("j.doe99", "j.doe99")]
    public void Handles_are_drawn_in_lowercase_without_the_at_sign(string given, string drawn) =>
        Assert.Equal(drawn, new VisibleWatermark(given, Width, Height, 24, 0).Handle);

    [Theory]
    [InlineData("Ada Lovelace")]
    [InlineData("ada!")]
    [InlineData("")]
    public void Handles_the_font_cannot_draw_are_refused(string handle) =>
        Assert.Throws<ArgumentException>(() => new VisibleWatermark(handle, Width, Height, 24, 0));

    private static (double Glyph, double Ring) GlyphAndRingLevels(VisibleWatermark mark, RgbFrame frame)
    {
        var box = mark.BoxAt(0);
        var sprite = mark.Sprite;
        var pixels = frame.Pixels.Span;
        double glyphSum = 0, ringSum = 0;
        int glyphCount = 0, ringCount = 0;
        for (var y = 0; y < box.Height; y++)
        for (var x = 0; x < box.Width; x++)
        {
            var value = pixels[((box.Y + y) * frame.Width + box.X + x) * 3];
            var i = y * box.Width + x;
            if (sprite.Glyph[i] == 255) { glyphSum += value; glyphCount++; }
            else if (sprite.Glyph[i] == 0 && sprite.Halo[i] == 255) { ringSum += value; ringCount++; }
        }
        Assert.True(glyphCount > 100 && ringCount > 100);
        return (glyphSum / glyphCount, ringSum / ringCount);
    }

    private static double ContrastRatio(double a, double b)
    {
        static double Luminance(double level)
        {
            var c = level / 255;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }
}
