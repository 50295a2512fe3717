using System.IO.Pipes;
using System.Runtime.ExceptionServices;
using FFMpegCore;

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
    /// <summary>ffmpeg numbers output tracks from 1 in mapping order; video is mapped first.</summary>
    private const int VideoTrackId = 1;

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
        ArgumentOutOfRangeException.ThrowIfLessThan(framesPerFragment, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(firstFragmentFrames, 2);
        ArgumentNullException.ThrowIfNull(segmentWritten);
        var pipeName = $"sora-{Guid.NewGuid():N}";
        await using var socket = new NamedPipeServerStream(pipeName, PipeDirection.In, 1, PipeTransmissionMode.Byte, PipeOptions.Asynchronous);
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sink = new SegmentPipeSink(VideoTrackId, firstFragmentFrames, framesPerFragment, segmentWritten);
        Exception? handlerError = null;
        var reading = ReadSegmentsAsync();

        var arguments = "-y " + EncoderPipes.CodecArguments(settings) + EncodingArguments(firstFragmentFrames, framesPerFragment);
        var destinations = TeeOutput(SocketUrl(pipeName), finalMp4);
        try
        {
            await EncoderPipes.RunAsync(chunks, settings,
                input => input.OutputToUrl(destinations, options => options.WithCustomArgument(arguments)), abort.Token);
        }
        catch
        {
            await abort.CancelAsync();
            try { await reading; } catch (Exception) { /* reported below */ }
            // A failing segment handler stopped ffmpeg and the producer: its error says more than the cancellation it caused.
            if (handlerError is not null) ExceptionDispatchInfo.Throw(handlerError);
            throw;
        }
        await reading;

        async Task ReadSegmentsAsync()
        {
            try
            {
                await socket.WaitForConnectionAsync(abort.Token);
                await sink.ReadAsync(socket, abort.Token);
            }
            catch (Exception error) when (!abort.IsCancellationRequested)
            {
                handlerError = error;
                await abort.CancelAsync();
                throw;
            }
        }
    }

    /// <summary>Key frames exactly where segments start and nowhere else; no lookahead; frames passed through as they come.</summary>
    private static string EncodingArguments(int firstFragmentFrames, int framesPerFragment) =>
        $" -fps_mode passthrough -tune zerolatency -g 100000 -sc_threshold 0 " +
        $"-force_key_frames expr:eq(n,0)+gte(n,{firstFragmentFrames - 1})*eq(mod(n-{firstFragmentFrames - 1},{framesPerFragment}),0)" +
        // The tee muxer cannot tell the encoders that MP4 wants codec headers out of band; say it for it.
        " -flags +global_header -max_interleave_delta 1 -f tee";

    /// <summary>
    /// The tee muxer's output name: the live fragments (a fragment per frame, flushed at once, without waiting to
    /// interleave audio and video) to our socket, and the finished faststart MP4 to its file.
    /// </summary>
    private static string TeeOutput(string socketUrl, string? finalMp4)
    {
        var live = $"[f=mp4:movflags=+frag_every_frame+empty_moov+default_base_moof:flush_packets=1:max_interleave_delta=1]{socketUrl}";
        if (finalMp4 is null) return Quoted(live);
        if (finalMp4.IndexOfAny(['|', '[', ']', '"', '\\']) >= 0) throw new ArgumentException($"the path {finalMp4} has a character ffmpeg's tee muxer cannot take", nameof(finalMp4));
        return Quoted($"{live}|[f=mp4:movflags=+faststart]{Path.GetFullPath(finalMp4)}");
    }

    /// <summary>Where .NET puts the Unix domain socket of a named pipe, as ffmpeg's unix protocol names it.</summary>
    private static string SocketUrl(string pipeName) => "unix:" + Path.GetFullPath(Path.Combine(Path.GetTempPath(), "CoreFxPipe_" + pipeName));

    /// <summary>One argument for ffmpeg's command line; what goes in here never holds a quote (checked above for paths).</summary>
    private static string Quoted(string value) => $"\"{value}\"";
}
