namespace Sora.Media.Encoding;

/// <summary>
/// Encodes frame chunks with one ffmpeg process into a fragmented H.264/AAC MP4 and hands over its segments as ffmpeg
/// writes them (live preview through Media Source Extensions while the video is being made): the init segment, then
/// segments of <c>framesPerFragment</c> frames, each starting on a key frame so that it decodes on its own. The same
/// process can also write the finished faststart MP4 from the same encoded samples, so nothing is remuxed afterwards.
/// </summary>
/// <remarks>
/// ffmpeg writes a frame only once the next one has arrived (it needs the next timestamp to end the current sample),
/// so the segments are shifted by one frame: the first holds one frame less than its chunk, and each later one
/// the last frame of the previous chunk and all but the last of its own. Every segment is then complete the moment
/// its chunk has been fed, instead of one whole chunk later.
/// The encoded packets go through ffmpeg's tee muxer to every file at once; the segments reach us over a socket of
/// our own, as the tee muxer must be given every destination's address in its one output name. A poster is not made
/// here: ffmpeg writes no output before every output has its first frame, so a poster of frame 24 would hold back
/// the first live fragment by a second.
/// </remarks>
public static class FragmentedMp4Encoder
{
    public static Task EncodeAsync(IAsyncEnumerable<FrameChunk> chunks, Mp4EncodeSettings settings, int framesPerFragment,
        Func<Mp4Segment, CancellationToken, ValueTask> segmentWritten, CancellationToken ct = default) =>
        EncodeAsync(chunks, settings, framesPerFragment, framesPerFragment, finalMp4: null, segmentWritten, ct);

    /// <summary>
    /// Like the other overload, with a first fragment of its own length (a short one reaches a live viewer sooner; as
    /// every segment, it is one frame shorter than the chunk that completes it) and, when <paramref name="finalMp4"/>
    /// is given, the finished faststart MP4 written from the same encode.
    /// </summary>
    public static async Task EncodeAsync(IAsyncEnumerable<FrameChunk> chunks, Mp4EncodeSettings settings, int firstFragmentFrames, int framesPerFragment,
        string? finalMp4, Func<Mp4Segment, CancellationToken, ValueTask> segmentWritten, CancellationToken ct = default)
    {
        await using var encoder = FragmentedMp4EncoderProcess.Start(settings, firstFragmentFrames, framesPerFragment, finalMp4);
        await encoder.EncodeAsync(chunks, segmentWritten, ct);
    }
}
