using FFMpegCore;

namespace Sora.Media.Encoding;

/// <summary>
/// Whether an NVIDIA GPU's hardware encoder works through this machine's ffmpeg: a few frames encoded with exactly the
/// options a live job uses. It fails without the driver, on GPUs that have no NVENC (A100, H100) and with an ffmpeg built
/// without it; the reason is ffmpeg's own words.
/// </summary>
public static class NvencProbe
{
    private const int Frames = 3;

    /// <summary>Null if <paramref name="gpu"/> encodes; otherwise why not.</summary>
    public static async Task<string?> WhyUnusableAsync(int gpu, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(gpu);
        // NVENC's smallest H.264 frame is 145×49 (Turing and later); a small test card well above it.
        var settings = new Mp4EncodeSettings(320, 180, 24) { NvencGpu = gpu, Crf = 23 };
        FFMpegResult result;
        try
        {
            result = await FFMpegArguments
                .FromFileInput($"testsrc2=size={settings.Width}x{settings.Height}:rate={settings.Fps}", verifyExists: false,
                    input => input.ForceFormat("lavfi"))
                .OutputToFile("-", overwrite: false, output => output
                    .WithCustomArgument($"-frames:v {Frames} " + EncoderPipes.VideoCodecArguments(settings, live: true))
                    .ForceFormat("null"))
                .WithLogLevel(FFMpegCore.Enums.FFMpegLogLevel.Error)
                .ProcessAsynchronously(throwOnError: false, cancellationToken: ct);
        }
        catch (Exception e) when (e is FFMpegCore.Exceptions.FFMpegException or System.ComponentModel.Win32Exception)
        {
            return $"ffmpeg could not run: {e.Message}";
        }
        ct.ThrowIfCancellationRequested();
        if (result.Success) return null;
        var said = result.StandardError.Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
        return said.FirstOrDefault(line => line.Contains("nvenc", StringComparison.OrdinalIgnoreCase))
            ?? said.LastOrDefault()
            ?? $"ffmpeg failed (exit code {result.ExitCode}) without saying why";
    }
}
