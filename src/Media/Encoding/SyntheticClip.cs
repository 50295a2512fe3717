using Sora.Media.Watermark;

namespace Sora.Media.Encoding;

/// <summary>Synthetic test content (until the World engine is wired in): moving shapes on gradients, gradients, and noise.</summary>
public static class SyntheticClip
{
    public enum Kind { Shapes, Gradient, Noise }

    /// <summary>Frame <paramref name="index"/> of a deterministic clip of the given kind and seed.</summary>
    public static RgbFrame Frame(Kind kind, int seed, int index, int width, int height)
    {
        var frame = RgbFrame.Allocate(width, height);
        var p = frame.Pixels.Span;
        var random = new Random(seed);
        double hue = random.NextDouble(), angle = random.NextDouble() * Math.PI * 2, speed = 0.5 + random.NextDouble() * 2;
        var (cx, cy) = (Math.Cos(angle), Math.Sin(angle));
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
        {
            var t = ((x * cx + y * cy) / (width + height) + index * speed / 200.0) % 1.0;
            if (t < 0) t += 1;
            var o = (y * width + x) * 3;
            p[o] = (byte)(40 + 180 * t);
            p[o + 1] = (byte)(40 + 180 * ((t + hue) % 1.0));
            p[o + 2] = (byte)(220 - 180 * t);
        }
        if (kind == Kind.Noise)
        {
            var noise = new Random(seed * 7919 + index);
            for (var i = 0; i < p.Length; i++) p[i] = (byte)Math.Clamp(p[i] + noise.Next(-40, 41), 0, 255);
        }
        if (kind == Kind.Shapes)
        {
            for (var s = 0; s < 5; s++)
            {
                var r = (int)(height * (0.05 + 0.12 * random.NextDouble()));
                double x0 = random.NextDouble() * width, y0 = random.NextDouble() * height, vx = random.NextDouble() * 8 - 4, vy = random.NextDouble() * 8 - 4;
                var (sx, sy) = ((int)Wrap(x0 + vx * index, width), (int)Wrap(y0 + vy * index, height));
                byte cr = (byte)random.Next(256), cg = (byte)random.Next(256), cb = (byte)random.Next(256);
                var square = random.Next(2) == 0;
                for (var y = Math.Max(0, sy - r); y < Math.Min(height, sy + r); y++)
                for (var x = Math.Max(0, sx - r); x < Math.Min(width, sx + r); x++)
                {
                    if (!square && (x - sx) * (x - sx) + (y - sy) * (y - sy) > r * r) continue;
                    var o = (y * width + x) * 3;
                    p[o] = cr; p[o + 1] = cg; p[o + 2] = cb;
                }
            }
        }
        return frame;
    }

    private static double Wrap(double v, double size) => ((v % size) + size) % size;

    /// <summary>Encodes RGB24 frames (and optional 48 kHz stereo PCM) to an H.264/AAC MP4 with ffmpeg.</summary>
    public static async Task EncodeAsync(IReadOnlyList<RgbFrame> frames, double fps, string output, PcmBuffer? audio = null, int crf = 18, CancellationToken ct = default)
    {
        var width = frames[0].Width;
        var height = frames[0].Height;
        var raw = new byte[frames.Count * width * height * 3];
        for (var i = 0; i < frames.Count; i++) frames[i].Pixels.Span.CopyTo(raw.AsSpan(i * width * height * 3));
        var args = new List<string> { "-y", "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", $"{width}x{height}", "-r", fps.ToString(System.Globalization.CultureInfo.InvariantCulture), "-i", "-" };
        string? wav = null;
        if (audio is { } pcm)
        {
            wav = output + ".f32";
            var bytes = new byte[pcm.Samples.Length * 4];
            System.Runtime.InteropServices.MemoryMarshal.AsBytes(pcm.Samples.Span).CopyTo(bytes);
            await File.WriteAllBytesAsync(wav, bytes, ct);
            args.AddRange(["-f", "f32le", "-ar", pcm.SampleRate.ToString(), "-ac", pcm.Channels.ToString(), "-i", wav, "-c:a", "aac", "-b:a", "192k"]);
        }
        args.AddRange(["-c:v", "libx264", "-preset", "veryfast", "-crf", crf.ToString(), "-pix_fmt", "yuv420p", "-movflags", "+faststart", output]);
        try { await Ffmpeg.RunAsync(args, raw, ct); }
        finally { if (wav is not null) File.Delete(wav); }
    }
}
