using FFMpegCore;

namespace Sora.Media.Encoding;

/// <summary>
/// Encodes frame chunks with one ffmpeg process into a fragmented H.264/AAC MP4 and hands over its segments as ffmpeg
/// writes them: the init segment, then one fragment per <c>framesPerFragment</c> frames, each starting on a key frame
/// so that it decodes on its own (live preview through Media Source Extensions while the video is being made).
/// </summary>
public static class FragmentedMp4Encoder
{
    /// <summary>ffmpeg numbers output tracks from 1 in mapping order; video is mapped first.</summary>
    private const int VideoTrackId = 1;

    public static Task EncodeAsync(IAsyncEnumerable<FrameChunk> chunks, Mp4EncodeSettings settings, int framesPerFragment,
        Func<Mp4Segment, CancellationToken, ValueTask> segmentWritten, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(framesPerFragment, 1);
        ArgumentNullException.ThrowIfNull(segmentWritten);
        // A fixed GOP of exactly one fragment, no scene-cut key frames and no lookahead: a fragment is written as soon
        // as the first frame of the next one is encoded, and always starts with a key frame.
        var arguments = EncoderPipes.CodecArguments(settings) +
            $" -tune zerolatency -g {framesPerFragment} -keyint_min {framesPerFragment} -sc_threshold 0" +
            " -movflags +frag_keyframe+empty_moov+default_base_moof";
        return EncoderPipes.RunAsync(chunks, settings,
            input => input.OutputToPipe(new SegmentPipeSink(VideoTrackId, segmentWritten), options => options.WithCustomArgument(arguments)),
            ct);
    }
}
