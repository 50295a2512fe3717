using Sora.Media.Encoding;

namespace Sora.Media.Tests;

public sealed class FragmentedMp4EncoderProcessTests
{
    [Fact]
    public async Task An_encoder_started_ahead_waits_and_then_encodes_the_frames_it_is_given()
    {
        var dir = TestMedia.Scratch("encoder-ahead");
        var output = Path.Combine(dir, "video.mp4");
        var segments = new List<Mp4Segment>();
        await using var encoder = FragmentedMp4EncoderProcess.Start(new Mp4EncodeSettings(320, 240, 24), 6, 12, output);

        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(encoder.HasExited, "an encoder waiting for its frames must not give up");
        Assert.False(File.Exists(output), "nothing is written before frames come");
        await encoder.EncodeAsync(Mp4EncoderTests.Chunks(320, 240, 36, withAudio: true), (segment, _) => { segments.Add(segment); return ValueTask.CompletedTask; });

        Assert.Equal(36, await Ffmpeg.CountVideoFramesAsync(output));
        Assert.Equal(36, segments.Sum(s => s.VideoFrames));
        Assert.True(encoder.HasExited);
    }

    [Fact]
    public async Task An_encoder_takes_one_stream_of_frames()
    {
        await using var encoder = FragmentedMp4EncoderProcess.Start(new Mp4EncodeSettings(320, 240, 24), 6, 12, null);
        await encoder.EncodeAsync(Mp4EncoderTests.Chunks(320, 240, 12, withAudio: true), (_, _) => ValueTask.CompletedTask);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            encoder.EncodeAsync(Mp4EncoderTests.Chunks(320, 240, 12, withAudio: true), (_, _) => ValueTask.CompletedTask));
    }

    [Fact]
    public async Task An_encoder_never_used_is_stopped_when_disposed()
    {
        var encoder = FragmentedMp4EncoderProcess.Start(new Mp4EncodeSettings(320, 240, 24), 6, 12, null);
        Assert.False(encoder.HasExited);

        await encoder.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(encoder.HasExited);
    }
}
