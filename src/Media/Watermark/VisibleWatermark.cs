using System.Text.RegularExpressions;
using Sora.Media.Watermark.Visible;

namespace Sora.Media.Watermark;

/// <summary>Where the visible mark sits in one frame (pixels; the mark changes nothing outside it).</summary>
public readonly record struct MarkBox(int X, int Y, int Width, int Height)
{
    public bool Contains(int x, int y) => x >= X && x < X + Width && y >= Y && y < Y + Height;
}

/// <summary>
/// The visible mark: the Sora wordmark over the creator's @handle, a light semi-transparent glyph on a darker halo so it
/// reads on bright and dark frames alike. It jumps to a new place every 2–3 s; places and durations are deterministic
/// from <c>seed</c>, so a preview chunk and the final file agree. Build one per video and apply it to frames in any order.
/// </summary>
public sealed partial class VisibleWatermark
{
    public const byte GlyphLevel = 245;
    public const byte HaloLevel = 16;
    public const double GlyphOpacity = 0.78;
    public const double HaloOpacity = 0.62;
    public const double MinSeconds = 2, MaxSeconds = 3;
    private const double Margin = 0.04;

    private readonly MarkSprite _sprite;
    private readonly ushort[] _glyphWeight;
    private readonly ushort[] _haloWeight;
    private readonly ulong _seed;
    private readonly int _minFrames, _maxFrames;
    private readonly (int X, int Y)[] _anchors;
    private readonly List<(long Start, int Anchor)> _segments = [];
    private readonly Lock _segmentsLock = new();

    public VisibleWatermark(string handle, int width, int height, double fps, ulong seed)
    {
        if (fps <= 0) throw new ArgumentOutOfRangeException(nameof(fps), "frame rate must be positive");
        Handle = NormalizeHandle(handle);
        FrameWidth = width;
        FrameHeight = height;
        _seed = seed;
        _sprite = MarkSprite.Render("@" + Handle, height);
        if (_sprite.Width > width * (1 - 2 * Margin) || _sprite.Height > height / 2)
            throw new ArgumentException($"a {width}×{height} frame is too small for the mark of @{Handle}");
        _glyphWeight = _sprite.Glyph.Select(c => (ushort)Math.Round(c * GlyphOpacity * 256 / 255)).ToArray();
        _haloWeight = _sprite.Halo.Select(c => (ushort)Math.Round(c * HaloOpacity * 256 / 255)).ToArray();
        _minFrames = (int)Math.Ceiling(MinSeconds * fps);
        _maxFrames = Math.Max(_minFrames, (int)Math.Floor(MaxSeconds * fps));

        // Eight places around the frame (the centre stays free for the subject).
        int left = (int)(width * Margin), right = width - (int)(width * Margin) - _sprite.Width, middleX = (width - _sprite.Width) / 2;
        int top = (int)(height * Margin), bottom = height - (int)(height * Margin) - _sprite.Height, middleY = (height - _sprite.Height) / 2;
        _anchors = [(left, top), (middleX, top), (right, top), (right, middleY), (right, bottom), (middleX, bottom), (left, bottom), (left, middleY)];
    }

    /// <summary>The handle as drawn, without the leading @ (lowercase letters, digits, '_' and '.').</summary>
    public string Handle { get; }
    public int FrameWidth { get; }
    public int FrameHeight { get; }
    internal MarkSprite Sprite => _sprite;

    /// <summary>Lowercases a handle, drops a leading '@', and rejects what the mark's font cannot draw.</summary>
    public static string NormalizeHandle(string handle)
    {
        var h = handle.Trim().TrimStart('@').ToLowerInvariant();
        if (!HandlePattern().IsMatch(h)) throw new ArgumentException($"'{handle}' is not a handle the mark can draw (1–30 of a–z, 0–9, '_' and '.')", nameof(handle));
        return h;
    }

    [GeneratedRegex("^[a-z0-9_.]{1,30}$")]
    private static partial Regex HandlePattern();

    /// <summary>The mark's box in frame <paramref name="frameIndex"/>.</summary>
    public MarkBox BoxAt(long frameIndex)
    {
        var (x, y) = _anchors[SegmentAt(frameIndex).Anchor];
        return new MarkBox(x, y, _sprite.Width, _sprite.Height);
    }

    /// <summary>Draws the mark into an RGB24 frame in place.</summary>
    public void Apply(RgbFrame frame, long frameIndex)
    {
        if (frame.Width != FrameWidth || frame.Height != FrameHeight)
            throw new ArgumentException($"mark built for {FrameWidth}×{FrameHeight}, frame is {frame.Width}×{frame.Height}", nameof(frame));
        var box = BoxAt(frameIndex);
        var pixels = frame.Pixels.Span;
        for (var y = 0; y < box.Height; y++)
        {
            var row = pixels.Slice(((box.Y + y) * frame.Width + box.X) * 3, box.Width * 3);
            var weights = y * box.Width;
            for (var x = 0; x < box.Width; x++)
            {
                int halo = _haloWeight[weights + x], glyph = _glyphWeight[weights + x];
                if (halo == 0) continue;
                for (var c = 0; c < 3; c++)
                {
                    var v = (row[3 * x + c] * (256 - halo) + HaloLevel * halo) >> 8;
                    row[3 * x + c] = (byte)((v * (256 - glyph) + GlyphLevel * glyph) >> 8);
                }
            }
        }
    }

    private (long Start, int Anchor) SegmentAt(long frameIndex)
    {
        if (frameIndex < 0) throw new ArgumentOutOfRangeException(nameof(frameIndex));
        lock (_segmentsLock)
        {
            if (_segments.Count == 0) _segments.Add((0, (int)(Mix(_seed, 0) % (ulong)_anchors.Length)));
            while (true)
            {
                var (start, anchor) = _segments[^1];
                var k = (ulong)_segments.Count;
                var end = start + _minFrames + (long)(Mix(_seed, 2 * k) % (ulong)(_maxFrames - _minFrames + 1));
                if (frameIndex < end) break;
                // Never the same place twice in a row, so every change of segment is a visible move.
                var next = (anchor + 1 + (int)(Mix(_seed, 2 * k + 1) % (ulong)(_anchors.Length - 1))) % _anchors.Length;
                _segments.Add((end, next));
            }
            var i = _segments.BinarySearch((frameIndex, int.MaxValue));
            return _segments[i >= 0 ? i : ~i - 1];
        }
    }

    private static ulong Mix(ulong seed, ulong k)
    {
        // SplitMix64 of (seed, k): cheap, well spread, and the same on every platform.
        var z = seed + (k + 1) * 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
