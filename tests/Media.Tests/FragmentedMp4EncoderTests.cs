using Sora.Media.Encoding;

namespace Sora.Media.Tests;

public sealed class FragmentedMp4EncoderTests
{
    [Fact]
    public async Task Every_fragment_starts_on_a_key_frame_and_decodes_after_the_init_segment()
    {
        var dir = TestMedia.Scratch("fragments");
        var segments = new List<Mp4Segment>();

        await FragmentedMp4Encoder.EncodeAsync(Mp4EncoderTests.Chunks(320, 240, 48, withAudio: true), new Mp4EncodeSettings(320, 240, 24), 12,
            (segment, _) => { segments.Add(segment); return ValueTask.CompletedTask; });

        Assert.True(segments[0].IsInit);
        // Shifted by one frame so that each is complete as soon as its chunk is fed; the last takes the final frame.
        var withVideo = segments.Skip(1).Where(s => s.VideoFrames > 0).ToList();
        Assert.Equal([0, 1, 2, 3, 4], withVideo.Select(s => s.Index));
        Assert.Equal([11, 12, 12, 12, 1], withVideo.Select(s => s.VideoFrames));
        var init = Path.Combine(dir, "init.mp4");
        await File.WriteAllBytesAsync(init, segments[0].Bytes);
        foreach (var fragment in withVideo)
        {
            // A player that joins late gets the init segment and then any fragment: it must decode alone.
            var alone = Path.Combine(dir, $"alone-{fragment.Index}.mp4");
            await File.WriteAllBytesAsync(alone, [.. segments[0].Bytes, .. fragment.Bytes]);
            Assert.Equal(fragment.VideoFrames, await Ffmpeg.CountVideoFramesAsync(alone));
        }
    }

    [Fact]
    public async Task Joined_fragments_remux_into_one_faststart_file_with_all_frames_and_sound()
    {
        var dir = TestMedia.Scratch("remux");
        var files = new List<string>();
        await FragmentedMp4Encoder.EncodeAsync(Mp4EncoderTests.Chunks(320, 240, 36, withAudio: true), new Mp4EncodeSettings(320, 240, 24), 12,
            async (segment, ct) =>
            {
                var file = Path.Combine(dir, segment.IsInit ? "init.mp4" : $"{segment.Index}.m4s");
                await File.WriteAllBytesAsync(file, segment.Bytes, ct);
                files.Add(file);
            });
        var output = Path.Combine(dir, "video.mp4");

        await Mp4Remuxer.JoinAsync(files, output);

        var boxes = Sora.Media.Provenance.Mp4Boxes.ReadTopLevel(await File.ReadAllBytesAsync(output)).Select(b => b.Type).ToList();
        Assert.True(boxes.IndexOf("moov") < boxes.IndexOf("mdat"), string.Join(",", boxes));
        Assert.DoesNotContain("moof", boxes);
        Assert.Equal(36, await Ffmpeg.CountVideoFramesAsync(output));
        var sound = await Ffmpeg.DecodeAudioAsync(output, 48000, 1);
        Assert.InRange(sound.Length, 72000 - 2048, 72000 + 2048);
        var poster = Path.Combine(dir, "poster.jpg");
        await Mp4Remuxer.PosterAsync(output, poster, TimeSpan.FromSeconds(1));
        Assert.Equal([0xFF, 0xD8], (await File.ReadAllBytesAsync(poster))[..2]);
    }

    [Fact]
    public async Task A_failing_producer_stops_ffmpeg_and_its_error_comes_out()
    {
        static async IAsyncEnumerable<FrameChunk> Broken()
        {
            await foreach (var chunk in Mp4EncoderTests.Chunks(320, 240, 24, withAudio: true)) yield return chunk;
            throw new InvalidOperationException("engine broke");
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            FragmentedMp4Encoder.EncodeAsync(Broken(), new Mp4EncodeSettings(320, 240, 24), 12, (_, _) => ValueTask.CompletedTask)
                .WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal("engine broke", error.Message);
    }
}
