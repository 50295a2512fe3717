using System.Runtime.CompilerServices;
using Sora.Media.Encoding;

namespace Sora.Media.Tests;

public sealed class Mp4EncoderTests
{
    internal static async IAsyncEnumerable<FrameChunk> Chunks(int width, int height, int frames, bool withAudio, [EnumeratorCancellation] CancellationToken ct = default)
    {
        const int fps = 24;
        for (var first = 0; first < frames; first += 12)
        {
            await Task.Yield();
            var rgb = new byte[12 * width * height * 3];
            for (var i = 0; i < 12; i++) SyntheticClip.Frame(SyntheticClip.Kind.Gradient, 1, first + i, width, height).Pixels.CopyTo(rgb.AsMemory(i * width * height * 3));
            var audio = withAudio ? new float[(FrameChunk.SampleOfFrame(first + 12, fps) - FrameChunk.SampleOfFrame(first, fps)) * 2] : [];
            for (var i = 0; i < audio.Length; i++) audio[i] = (float)(0.2 * Math.Sin(i * 0.02));
            yield return new FrameChunk(width, height, rgb, audio);
        }
    }

    [Fact]
    public async Task Encoded_file_has_every_frame_and_all_of_the_sound()
    {
        var file = Path.Combine(TestMedia.Scratch("encoder"), "out.mp4");

        await Mp4Encoder.EncodeAsync(Chunks(320, 240, 48, withAudio: true), new Mp4EncodeSettings(320, 240, 24), file);

        var (width, height, frames) = await Ffmpeg.DecodeLumaAsync(file);
        Assert.Equal((320, 240, 48), (width, height, frames.Count));
        var sound = await Ffmpeg.DecodeAudioAsync(file, 48000, 1);
        Assert.InRange(sound.Length, 96000 - 2048, 96000 + 2048);
    }

    [Fact]
    public async Task An_ffmpeg_failure_is_reported_instead_of_hanging()
    {
        var file = Path.Combine(TestMedia.Scratch("encoder-fail"), "out.mp4");

        // libx264 refuses to open with a preset it does not know; the producer must not wait forever for ffmpeg to take frames.
        var encoding = Mp4Encoder.EncodeAsync(Chunks(320, 240, 240, withAudio: true), new Mp4EncodeSettings(320, 240, 24) { Preset = "no-such-preset" }, file);

        await Assert.ThrowsAnyAsync<FFMpegCore.Exceptions.FFMpegException>(() => encoding.WaitAsync(TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public async Task An_odd_frame_size_is_refused_before_ffmpeg_starts()
    {
        var file = Path.Combine(TestMedia.Scratch("encoder-odd"), "out.mp4");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Mp4Encoder.EncodeAsync(Chunks(321, 240, 24, withAudio: true), new Mp4EncodeSettings(321, 240, 24), file));

        Assert.Contains("321×240", error.Message);
        Assert.False(File.Exists(file));
    }

    [Theory]
    [InlineData(null, "cabac=0", "deblock=0:0:0")]
    [InlineData("cabac=1:deblock=0,0", "cabac=1", "deblock=1:0:0")]
    public async Task X264_options_reach_the_encoder_on_top_of_the_preset(string? x264Params, string cabac, string deblock)
    {
        var file = Path.Combine(TestMedia.Scratch("encoder-x264-" + (x264Params is null ? "preset" : "options")), "out.mp4");

        await Mp4Encoder.EncodeAsync(Chunks(320, 240, 24, withAudio: true), new Mp4EncodeSettings(320, 240, 24) { Preset = "ultrafast", X264Params = x264Params }, file);

        // libx264 writes the settings it encoded with into the stream (an SEI message): read them back from the file.
        var stream = System.Text.Encoding.ASCII.GetString(await File.ReadAllBytesAsync(file));
        var options = stream[stream.IndexOf("options: ", StringComparison.Ordinal)..].Split(' ');
        Assert.Contains(cabac, options);
        Assert.Contains(deblock, options);
    }

    [Theory]
    [InlineData("cabac=1 -y /tmp/elsewhere.mp4")]
    [InlineData("cabac=1;rm")]
    [InlineData("")]
    public async Task X264_options_that_are_not_key_value_pairs_are_refused_before_ffmpeg_starts(string x264Params)
    {
        var file = Path.Combine(TestMedia.Scratch("encoder-x264-bad"), "out.mp4");

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            Mp4Encoder.EncodeAsync(Chunks(320, 240, 24, withAudio: true), new Mp4EncodeSettings(320, 240, 24) { X264Params = x264Params }, file));

        Assert.Contains("x264", error.Message);
        Assert.False(File.Exists(file));
    }
}
