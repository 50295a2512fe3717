using Sora.Media.Encoding;

namespace Sora.Media.Tests;

/// <summary>
/// NVENC on a machine whose GPU cannot use it (these tests' usual machine has no NVIDIA driver at all): ffmpeg applies an
/// encoder's options before it loads the driver, so an option it refuses would be the reason named here.
/// </summary>
public sealed class NvencTests
{
    private static bool HasNvidiaDriver => File.Exists("/dev/nvidiactl");

    [Fact]
    public async Task The_probe_uses_options_ffmpeg_accepts_and_names_what_is_missing()
    {
        var reason = await NvencProbe.WhyUnusableAsync(0);

        if (HasNvidiaDriver && reason is null) return; // GPU 0 encodes: nothing is missing
        Assert.NotNull(reason);
        Assert.DoesNotContain("option", reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("nvenc", reason, StringComparison.OrdinalIgnoreCase);
        if (!HasNvidiaDriver) Assert.Contains("libcuda", reason);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_encoder_on_a_GPU_that_cannot_encode_fails_with_ffmpegs_reason(bool live)
    {
        if (await NvencProbe.WhyUnusableAsync(0) is null) return; // GPU 0 encodes: the failure cannot be shown here
        var settings = new Mp4EncodeSettings(320, 240, 24) { NvencGpu = 0 };
        var frames = Mp4EncoderTests.Chunks(320, 240, 240, withAudio: true);
        var file = Path.Combine(TestMedia.Scratch("nvenc"), "video.mp4");

        var error = await Assert.ThrowsAnyAsync<FFMpegCore.Exceptions.FFMpegException>(async () =>
        {
            if (!live)
            {
                await Mp4Encoder.EncodeAsync(frames, settings, file).WaitAsync(TimeSpan.FromSeconds(30));
                return;
            }
            await using var encoder = FragmentedMp4EncoderProcess.Start(settings, 6, 12, file);
            await encoder.EncodeAsync(frames, (_, _) => ValueTask.CompletedTask).WaitAsync(TimeSpan.FromSeconds(30));
        });

        Assert.Contains("h264_nvenc", error.Message);
        Assert.DoesNotContain("Error setting option", error.Message);
    }

    [Fact]
    public void A_negative_GPU_is_refused_before_ffmpeg_starts() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FragmentedMp4EncoderProcess.Start(new Mp4EncodeSettings(320, 240, 24) { NvencGpu = -1 }, 6, 12, null));
}
