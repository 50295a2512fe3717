using System.Diagnostics;

namespace Sora.Media.Encoding;

/// <summary>Runs the ffmpeg/ffprobe executables for the few conversions Media needs (raw frames in and out, re-encodes).</summary>
public static class Ffmpeg
{
    public static string Executable { get; set; } = "ffmpeg";

    /// <summary>The file <see cref="Executable"/> runs (see <see cref="ExecutableSearch.Locate"/>); null when there is none.</summary>
    public static string? Locate(string? searchPath = null) => ExecutableSearch.Locate(Executable, searchPath);

    /// <summary>Runs ffmpeg with the given arguments; feeds <paramref name="stdin"/> and returns stdout; a failing run throws with its stderr tail.</summary>
    public static async Task<byte[]> RunAsync(IEnumerable<string> arguments, ReadOnlyMemory<byte> stdin = default, CancellationToken ct = default)
    {
        FfmpegMemoryTuning.ApplyToChildProcesses();
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-hide_banner");
        start.ArgumentList.Add("-loglevel");
        start.ArgumentList.Add("error");
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start");
        var output = new MemoryStream();
        var readOut = process.StandardOutput.BaseStream.CopyToAsync(output, ct);
        var readErr = process.StandardError.ReadToEndAsync(ct);
        try
        {
            if (!stdin.IsEmpty) await process.StandardInput.BaseStream.WriteAsync(stdin, ct);
        }
        catch (IOException)
        {
            // ffmpeg closed its input early; its exit code and stderr say why.
        }
        process.StandardInput.Close();
        await readOut;
        var error = await readErr;
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new InvalidOperationException($"ffmpeg failed ({process.ExitCode}): {error[Math.Max(0, error.Length - 600)..]}");
        return output.ToArray();
    }

    /// <summary>Decodes the video of a file to 8-bit luma planes at its own size; returns width, height and the frames.</summary>
    public static async Task<(int Width, int Height, List<byte[]> Frames)> DecodeLumaAsync(string file, int maxFrames = int.MaxValue, CancellationToken ct = default)
    {
        var probe = await RunProbeAsync(file, ct);
        var raw = await RunAsync(["-i", file, "-map", "0:v:0", "-frames:v", maxFrames == int.MaxValue ? "100000" : maxFrames.ToString(), "-f", "rawvideo", "-pix_fmt", "gray", "-"], default, ct);
        var size = probe.Width * probe.Height;
        var frames = new List<byte[]>();
        for (var at = 0; at + size <= raw.Length; at += size) frames.Add(raw.AsSpan(at, size).ToArray());
        return (probe.Width, probe.Height, frames);
    }

    /// <summary>Decodes the first audio stream to interleaved float PCM at the given rate and channel count.</summary>
    public static async Task<float[]> DecodeAudioAsync(string file, int sampleRate = 48000, int channels = 2, CancellationToken ct = default)
    {
        var raw = await RunAsync(["-i", file, "-map", "0:a:0", "-f", "f32le", "-ac", channels.ToString(), "-ar", sampleRate.ToString(), "-"], default, ct);
        var samples = new float[raw.Length / 4];
        Buffer.BlockCopy(raw, 0, samples, 0, samples.Length * 4);
        return samples;
    }

    /// <summary>Decodes the first video stream and counts its frames (ffprobe), whatever their timestamps.</summary>
    public static async Task<int> CountVideoFramesAsync(string file, CancellationToken ct = default)
    {
        var text = await ProbeAsync(["-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", file], ct);
        return int.TryParse(text.Trim().Split('\n')[0].Trim().TrimEnd(','), out var frames) ? frames : throw new InvalidOperationException($"ffprobe could not count the frames of {file}");
    }

    private static async Task<(int Width, int Height)> RunProbeAsync(string file, CancellationToken ct)
    {
        var text = await ProbeAsync(["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height", "-of", "csv=p=0:s=x", file], ct);
        var parts = text.Trim().Split('\n')[0].Split('x');
        if (parts.Length < 2) throw new InvalidOperationException($"ffprobe could not read {file}");
        return (int.Parse(parts[0]), int.Parse(parts[1]));
    }

    private static async Task<string> ProbeAsync(IEnumerable<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo("ffprobe")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffprobe did not start");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = await process.StandardError.ReadToEndAsync(ct);
        var text = await output;
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new InvalidOperationException($"ffprobe failed on {arguments.Last()}: {error[Math.Max(0, error.Length - 300)..]}");
        return text;
    }
}
