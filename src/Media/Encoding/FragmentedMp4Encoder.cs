using FFMpegCore;

namespace Sora.Media.Encoding;

/// <summary>
/// Encodes frame chunks with one ffmpeg process into a fragmented H.264/AAC MP4 and hands over its segments as ffmpeg
/// writes them (live preview through Media Source Extensions while the video is being made): the init segment, then
/// segments of <c>framesPerFragment</c> frames, each starting on a key frame so that it decodes on its own.
/// </summary>
/// <remarks>
/// ffmpeg writes a frame only once the next one has arrived (it needs the next timestamp to end the current sample),
/// so the segments are shifted by one frame: the first holds <c>framesPerFragment - 1</c> frames, and each later one
/// the last frame of the previous chunk and all but the last of its own. Every segment is then complete the moment
/// its chunk has been fed, instead of one whole chunk later.
/// </remarks>
public static class FragmentedMp4Encoder
{
    /// <summary>ffmpeg numbers output tracks from 1 in mapping order; video is mapped first.</summary>
    private const int VideoTrackId = 1;

    public static Task EncodeAsync(IAsyncEnumerable<FrameChunk> chunks, Mp4EncodeSettings settings, int framesPerFragment,
        Func<Mp4Segment, CancellationToken, ValueTask> segmentWritten, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(framesPerFragment, 1);
        ArgumentNullException.ThrowIfNull(segmentWritten);
        // Key frames exactly where segments start and nowhere else; no lookahead; frames passed through as they come;
        // a fragment per frame, flushed at once, without waiting to interleave audio and video.
        var keyFrames = $"expr:eq(n,0)+eq(mod(n+1,{framesPerFragment}),0)";
        var arguments = EncoderPipes.CodecArguments(settings) +
            $" -fps_mode passthrough -tune zerolatency -g 100000 -sc_threshold 0 -force_key_frames {keyFrames}" +
            " -movflags +frag_every_frame+empty_moov+default_base_moof -flush_packets 1 -max_interleave_delta 1";
        return EncoderPipes.RunAsync(chunks, settings,
            input => input.OutputToPipe(new SegmentPipeSink(VideoTrackId, framesPerFragment, segmentWritten), options => options.WithCustomArgument(arguments)),
            ct);
    }
}
