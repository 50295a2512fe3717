using System.Diagnostics;
using System.Text.Json;
using Sora.Media.Encoding;

namespace Sora.Media.Tests;

/// <summary>Shared helpers: a scratch folder, small synthetic MP4s made with ffmpeg, and the c2pa-rs reader under Node.</summary>
internal static class TestMedia
{
    public static string Scratch(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "sora-media-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>A short faststart H.264/AAC MP4 from ffmpeg's test sources.</summary>
    public static async Task<string> SyntheticMp4Async(string dir, double seconds = 1, string size = "320x240")
    {
        var path = Path.Combine(dir, "input.mp4");
        await Ffmpeg.RunAsync(["-y", "-f", "lavfi", "-i", $"testsrc2=size={size}:rate=24:duration={seconds}", "-f", "lavfi", "-i", $"sine=frequency=440:sample_rate=48000:duration={seconds}",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "96k", "-movflags", "+faststart", "-shortest", path]);
        return path;
    }

    private static readonly SemaphoreSlim NpmLock = new(1, 1);

    public static string JsDirectory
    {
        get
        {
            var dir = AppContext.BaseDirectory;
            while (dir is not null && !File.Exists(Path.Combine(dir, "Sora.sln"))) dir = Path.GetDirectoryName(dir);
            return Path.Combine(dir ?? throw new InvalidOperationException("repository root not found"), "tests", "js");
        }
    }

    /// <summary>Reads a file with c2pa-rs (WASM, Node); returns its JSON report.</summary>
    public static async Task<JsonElement> ReadWithC2paRsAsync(string file)
    {
        var js = JsDirectory;
        await NpmLock.WaitAsync();
        try
        {
            if (!Directory.Exists(Path.Combine(js, "node_modules", "@contentauth", "c2pa-wasm")))
                await RunAsync("npm", js, false, "ci", "--no-audit", "--no-fund");
        }
        finally { NpmLock.Release(); }
        var output = await RunAsync("node", js, true, "read-c2pa.mjs", file);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static async Task<string> RunAsync(string exe, string dir, bool allowFailure, params string[] args)
    {
        var start = new ProcessStartInfo(exe) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 && !allowFailure) throw new InvalidOperationException($"{exe} failed: {await stderr}");
        return await stdout;
    }
}
