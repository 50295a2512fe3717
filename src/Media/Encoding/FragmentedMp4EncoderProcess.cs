using System.IO.Pipes;
using System.Runtime.ExceptionServices;
using FFMpegCore;

namespace Sora.Media.Encoding;

/// <summary>
/// The one ffmpeg process of a <see cref="FragmentedMp4Encoder"/> run, which can be started before its frames exist: a
/// server starts the next job's encoder while it is idle, so the job does not wait the tenth of a second (and spend the
/// CPU) that ffmpeg takes to load its libraries.
/// </summary>
public sealed class FragmentedMp4EncoderProcess : IAsyncDisposable
{
    /// <summary>ffmpeg numbers output tracks from 1 in mapping order; video is mapped first.</summary>
    private const int VideoTrackId = 1;

    private readonly NamedPipeServerStream _segments;
    private readonly EncoderPipes _pipes;

    private FragmentedMp4EncoderProcess(Mp4EncodeSettings settings, int firstFragmentFrames, int framesPerFragment, string? finalMp4)
    {
        Settings = settings;
        FirstFragmentFrames = firstFragmentFrames;
        FramesPerFragment = framesPerFragment;
        FinalMp4 = finalMp4;
        var pipeName = $"sora-{Guid.NewGuid():N}";
        // Arguments first: a path or option they refuse must not leave the segment socket open behind it.
        var arguments = "-y " + EncoderPipes.CodecArguments(settings, live: true) + EncodingArguments(firstFragmentFrames, framesPerFragment);
        var destinations = TeeOutput(SocketUrl(pipeName), finalMp4);
        _segments = new NamedPipeServerStream(pipeName, PipeDirection.In, 1, PipeTransmissionMode.Byte, PipeOptions.Asynchronous);
        try
        {
            _pipes = EncoderPipes.Start(settings, input => input.OutputToUrl(destinations, options => options.WithCustomArgument(arguments)));
        }
        catch
        {
            _segments.Dispose();
            throw;
        }
    }

    public Mp4EncodeSettings Settings { get; }

    /// <summary>When ffmpeg was started (UTC): before its job began, for an encoder started ahead.</summary>
    public DateTime StartedAt { get; } = DateTime.UtcNow;

    public int FirstFragmentFrames { get; }

    public int FramesPerFragment { get; }

    /// <summary>Where the finished faststart MP4 is written, if one is.</summary>
    public string? FinalMp4 { get; }

    /// <summary>Whether ffmpeg has already ended: a process started ahead that died can no longer be used.</summary>
    public bool HasExited => _pipes.HasExited;

    /// <summary>
    /// Starts ffmpeg, which then waits for frames. Segments hold <paramref name="framesPerFragment"/> frames, the first
    /// <paramref name="firstFragmentFrames"/> (see <see cref="FragmentedMp4Encoder"/>); with <paramref name="finalMp4"/>
    /// the finished faststart MP4 is written there from the same encode. Bad settings are refused before ffmpeg starts.
    /// </summary>
    public static FragmentedMp4EncoderProcess Start(Mp4EncodeSettings settings, int firstFragmentFrames, int framesPerFragment, string? finalMp4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(framesPerFragment, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(firstFragmentFrames, 2);
        return new FragmentedMp4EncoderProcess(settings, firstFragmentFrames, framesPerFragment, finalMp4);
    }

    /// <summary>Encodes <paramref name="chunks"/> (once per process), handing over each segment as ffmpeg writes it.</summary>
    public async Task EncodeAsync(IAsyncEnumerable<FrameChunk> chunks, Func<Mp4Segment, CancellationToken, ValueTask> segmentWritten, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(segmentWritten);
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sink = new SegmentPipeSink(VideoTrackId, FirstFragmentFrames, FramesPerFragment, segmentWritten);
        Exception? handlerError = null;
        var reading = ReadSegmentsAsync();
        try
        {
            await _pipes.RunAsync(chunks, abort.Token);
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
                await _segments.WaitForConnectionAsync(abort.Token);
                await sink.ReadAsync(_segments, abort.Token);
            }
            catch (Exception error) when (!abort.IsCancellationRequested)
            {
                handlerError = error;
                await abort.CancelAsync();
                throw;
            }
        }
    }

    /// <summary>Stops ffmpeg if it is still waiting or running.</summary>
    public async ValueTask DisposeAsync()
    {
        await _pipes.DisposeAsync();
        await _segments.DisposeAsync();
    }

    /// <summary>Key frames exactly where segments start and nowhere else; frames passed through as they come.</summary>
    private static string EncodingArguments(int firstFragmentFrames, int framesPerFragment) =>
        $" -fps_mode passthrough -g 100000 -sc_threshold 0 " +
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
