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
    public async Task The_same_encode_writes_a_faststart_file_with_the_fragments_frames_and_sound_and_a_poster()
    {
        var dir = TestMedia.Scratch("final-file");
        var segments = new List<Mp4Segment>();
        var output = Path.Combine(dir, "video.mp4");
        var poster = Path.Combine(dir, "poster.jpg");

        await FragmentedMp4Encoder.EncodeAsync(Mp4EncoderTests.Chunks(320, 240, 36, withAudio: true), new Mp4EncodeSettings(320, 240, 24), 12,
            new LiveEncodeFiles(output) { Poster = new PosterFrame(24, poster) },
            (segment, _) => { segments.Add(segment); return ValueTask.CompletedTask; });

        var boxes = Sora.Media.Provenance.Mp4Boxes.ReadTopLevel(await File.ReadAllBytesAsync(output)).Select(b => b.Type).ToList();
        Assert.True(boxes.IndexOf("moov") < boxes.IndexOf("mdat"), string.Join(",", boxes));
        Assert.DoesNotContain("moof", boxes);
        var sound = await Ffmpeg.DecodeAudioAsync(output, 48000, 1);
        Assert.InRange(sound.Length, 72000 - 2048, 72000 + 2048);
        // One encode: the file holds exactly the pictures a live viewer was shown.
        var live = Path.Combine(dir, "live.mp4");
        await File.WriteAllBytesAsync(live, [.. segments.SelectMany(s => s.Bytes)]);
        var (_, _, fileFrames) = await Ffmpeg.DecodeLumaAsync(output);
        var (_, _, liveFrames) = await Ffmpeg.DecodeLumaAsync(live);
        Assert.Equal(36, fileFrames.Count);
        Assert.Equal(fileFrames.Count, liveFrames.Count);
        for (var i = 0; i < fileFrames.Count; i++) Assert.True(fileFrames[i].AsSpan().SequenceEqual(liveFrames[i]), $"frame {i} differs");
        // The poster is a JPEG of frame 24: closer to it than to any other frame of the video.
        Assert.Equal([0xFF, 0xD8], (await File.ReadAllBytesAsync(poster))[..2]);
        var (_, _, posterFrames) = await Ffmpeg.DecodeLumaAsync(poster);
        var nearest = Enumerable.Range(0, fileFrames.Count).MinBy(i => MeanAbsoluteDifference(posterFrames[0], fileFrames[i]));
        Assert.Equal(24, nearest);
    }

    private static double MeanAbsoluteDifference(byte[] a, byte[] b)
    {
        long sum = 0;
        for (var i = 0; i < a.Length; i++) sum += Math.Abs(a[i] - b[i]);
        return sum / (double)a.Length;
    }

    [Fact]
    public async Task A_path_the_tee_muxer_cannot_take_is_refused_before_ffmpeg_starts()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => FragmentedMp4Encoder.EncodeAsync(Mp4EncoderTests.Chunks(320, 240, 12, withAudio: true),
            new Mp4EncodeSettings(320, 240, 24), 12, new LiveEncodeFiles("/tmp/a|b.mp4"), (_, _) => ValueTask.CompletedTask));
        Assert.Contains("a|b.mp4", error.Message);
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
