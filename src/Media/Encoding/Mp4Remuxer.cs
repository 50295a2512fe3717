namespace Sora.Media.Encoding;

/// <summary>Turns stored fragmented-MP4 segments into one faststart MP4 without re-encoding, and grabs poster frames.</summary>
public static class Mp4Remuxer
{
    /// <summary>Joins the init segment and the fragments (in order) and remuxes them into a faststart MP4 (stream copy).</summary>
    public static async Task JoinAsync(IReadOnlyList<string> segmentFiles, string output, CancellationToken ct = default)
    {
        if (segmentFiles.Count < 2) throw new ArgumentException("an init segment and at least one fragment are needed", nameof(segmentFiles));
        var joined = output + ".fragmented.mp4";
        try
        {
            await using (var target = File.Create(joined))
            {
                foreach (var file in segmentFiles)
                {
                    await using var source = File.OpenRead(file);
                    await source.CopyToAsync(target, ct);
                }
            }
            await Ffmpeg.RunAsync(["-y", "-i", joined, "-map", "0", "-c", "copy", "-movflags", "+faststart", "-f", "mp4", output], ct: ct);
        }
        finally
        {
            File.Delete(joined);
        }
    }

    /// <summary>Writes a JPEG of the frame at <paramref name="at"/> (or the first frame of shorter videos).</summary>
    public static async Task PosterAsync(string video, string jpeg, TimeSpan at, CancellationToken ct = default)
    {
        var seconds = at.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        // -ss before -i seeks to the key frame before the instant and decodes only from there (still exact).
        var frame = await Ffmpeg.RunAsync(["-ss", seconds, "-i", video, "-frames:v", "1", "-q:v", "3", "-f", "image2", "-c:v", "mjpeg", "pipe:1"], ct: ct);
        if (frame.Length == 0)
            frame = await Ffmpeg.RunAsync(["-i", video, "-frames:v", "1", "-q:v", "3", "-f", "image2", "-c:v", "mjpeg", "pipe:1"], ct: ct);
        await File.WriteAllBytesAsync(jpeg, frame, ct);
    }
}
