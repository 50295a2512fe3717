using Sora.Media.Encoding;

namespace Sora.Media.Tests;

public sealed class FragmentedMp4EncoderTests
{
    [Theory]
    [InlineData(12, new[] { 11, 12, 12, 12, 1 })]
    [InlineData(6, new[] { 5, 12, 12, 12, 7 })]
    public async Task Every_fragment_starts_on_a_key_frame_and_decodes_after_the_init_segment(int firstFragmentFrames, int[] framesPerSegment)
    {
        var dir = TestMedia.Scratch("fragments");
        var segments = new List<Mp4Segment>();

        await FragmentedMp4Encoder.EncodeAsync(Mp4EncoderTests.Chunks(320, 240, 48, withAudio: true), new Mp4EncodeSettings(320, 240, 24), firstFragmentFrames, 12,
            finalMp4: null, (segment, _) => { segments.Add(segment); return ValueTask.CompletedTask; });

        Assert.True(segments[0].IsInit);
        // Shifted by one frame so that each is complete as soon as its chunk is fed; the last takes the final frame.
        var withVideo = segments.Skip(1).Where(s => s.VideoFrames > 0).ToList();
        Assert.Equal([0, 1, 2, 3, 4], withVideo.Select(s => s.Index));
        Assert.Equal(framesPerSegment, withVideo.Select(s => s.VideoFrames));
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
    public async Task The_same_encode_writes_a_faststart_file_with_the_fragments_frames_and_sound()
    {
        var dir = TestMedia.Scratch("final-file");
        var segments = new List<Mp4Segment>();
        var output = Path.Combine(dir, "video.mp4");

        await FragmentedMp4Encoder.EncodeAsync(Mp4EncoderTests.Chunks(320, 240, 36, withAudio: true), new Mp4EncodeSettings(320, 240, 24), 6, 12,
            output,
            (segment, _) => { segments.Add(segment); return ValueTask.CompletedTask; });

        var boxes = Sora.Media.Provenance.Mp4Boxes.ReadTopLevel(await File.ReadAllBytesAsync(output)).Select(b => b.Type).ToList();
        Assert.True(boxes.IndexOf("moov") < boxes.IndexOf("mdat"), string.Join(",", boxes));
        Assert.DoesNotContain("moof", boxes);
        var sound = await Ffmpeg.DecodeAudioAsync(output, 48000, 1);
        Assert.InRange(sound.Length, 72000 - 2048, 72000 + 2048);
        // One encode: the file holds exactly the pictures a live viewer was shown.
        var live = Path.Combine(dir, "live.mp4");
        await File.WriteAllBytesAsync(live, [.. segments.SelectMany(s => s.Bytes)]);
        var fileFrames = await DecodedPicturesAsync(output);
        var liveFrames = await DecodedPicturesAsync(live);
        Assert.Equal(36, fileFrames.Count);
        Assert.Equal(fileFrames.Count, liveFrames.Count);
        for (var i = 0; i < fileFrames.Count; i++) Assert.True(fileFrames[i].AsSpan().SequenceEqual(liveFrames[i]), $"frame {i} differs");
    }

    [Fact]
    public async Task A_poster_is_the_jpeg_of_the_frame_it_is_given()
    {
        var frames = new List<byte[]>();
        await foreach (var chunk in Mp4EncoderTests.Chunks(320, 240, 24, withAudio: false))
            for (var i = 0; i < 12; i++) frames.Add(chunk.Rgb24.Slice(i * 320 * 240 * 3, 320 * 240 * 3).ToArray());
        var poster = Path.Combine(TestMedia.Scratch("poster"), "poster.jpg");

        await File.WriteAllBytesAsync(poster, PosterImage.FromFrame(frames[17], 320, 240));

        Assert.Equal([0xFF, 0xD8], (await File.ReadAllBytesAsync(poster))[..2]);
        var (_, _, decoded) = await Ffmpeg.DecodeLumaAsync(poster);
        var grays = frames.Select(Gray).ToList();
        Assert.Equal(17, Enumerable.Range(0, grays.Count).MinBy(i => MeanAbsoluteDifference(decoded[0], grays[i])));
    }

    /// <summary>Every decoded picture once, whatever the timestamps say (fragments joined by hand need not have even ones).</summary>
    private static async Task<List<byte[]>> DecodedPicturesAsync(string file)
    {
        var raw = await Ffmpeg.RunAsync(["-i", file, "-map", "0:v:0", "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "gray", "-"]);
        return raw.Chunk(320 * 240).ToList();
    }

    private static byte[] Gray(byte[] rgb)
    {
        var gray = new byte[rgb.Length / 3];
        for (var i = 0; i < gray.Length; i++) gray[i] = (byte)((rgb[3 * i] * 77 + rgb[3 * i + 1] * 150 + rgb[3 * i + 2] * 29) >> 8);
        return gray;
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
            new Mp4EncodeSettings(320, 240, 24), 12, 12, "/tmp/a|b.mp4", (_, _) => ValueTask.CompletedTask));
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
