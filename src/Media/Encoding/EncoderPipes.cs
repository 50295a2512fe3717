using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using FFMpegCore;

namespace Sora.Media.Encoding;

/// <summary>
/// One ffmpeg process fed with frame chunks through two pipes (raw YUV 4:2:0 video converted from the RGB24 frames, float
/// PCM audio), so that a failing ffmpeg stops the producer and a failing producer stops ffmpeg, each reporting the right
/// error. It can be started before its frames exist (ffmpeg then waits for them, using no CPU).
/// </summary>
internal sealed class EncoderPipes : IAsyncDisposable
{
    private readonly Mp4EncodeSettings _settings;
    private readonly Channel<ReadOnlyMemory<byte>> _video;
    private readonly Channel<ReadOnlyMemory<byte>> _audio;
    private readonly ChannelPipeSource _videoInput;
    private readonly CancellationTokenSource _abort = new();
    private readonly Task _encoding;
    private int _fed;

    private EncoderPipes(Mp4EncodeSettings settings, Func<FFMpegArguments, FFMpegArgumentProcessor> output)
    {
        _settings = settings;
        // Video is bounded (frames are large); audio is not, and each chunk's audio is queued before its frames, so ffmpeg
        // waiting for audio can never block the producer that is waiting for ffmpeg to take frames.
        _video = Channel.CreateBounded<ReadOnlyMemory<byte>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        _audio = Channel.CreateUnbounded<ReadOnlyMemory<byte>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var fps = settings.Fps.ToString(CultureInfo.InvariantCulture);
        // Raw inputs need no probing; without these flags ffmpeg buffers seconds of input before it encodes a frame.
        const string noProbe = "-probesize 32 -analyzeduration 0";
        _videoInput = new ChannelPipeSource($"{noProbe} -f rawvideo -pix_fmt yuv420p -s {settings.Width}x{settings.Height} -framerate {fps}", _video.Reader, ReturnToPool);
        var audioInput = new ChannelPipeSource($"{noProbe} -f f32le -ar {FrameChunk.SampleRate} -ac {FrameChunk.Channels}", _audio.Reader);
        _encoding = output(FFMpegArguments.FromPipeInput(_videoInput).AddPipeInput(audioInput)).ProcessAsynchronously(true, null, _abort.Token);
        // If ffmpeg gives up, stop the producer, which may be waiting for ffmpeg to take frames.
        _ = _encoding.ContinueWith(_ => Abort(), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    /// <summary>Whether ffmpeg has already ended (a process started ahead that died can no longer be used).</summary>
    public bool HasExited => _encoding.IsCompleted;

    /// <summary>Starts ffmpeg with the output <paramref name="output"/> describes; bad settings are refused before it starts.</summary>
    public static EncoderPipes Start(Mp4EncodeSettings settings, Func<FFMpegArguments, FFMpegArgumentProcessor> output)
    {
        Yuv420Converter.ThrowIfUnsupportedSize(settings.Width, settings.Height);
        if (settings.X264Params is { } x264) CheckedX264Params(x264);
        if (settings.NvencGpu is { } gpu) ArgumentOutOfRangeException.ThrowIfNegative(gpu, nameof(settings.NvencGpu));
        FfmpegMemoryTuning.ApplyToChildProcesses();
        return new EncoderPipes(settings, output);
    }

    /// <summary>Starts ffmpeg, feeds it <paramref name="chunks"/> and waits for it to finish.</summary>
    public static async Task RunAsync(IAsyncEnumerable<FrameChunk> chunks, Mp4EncodeSettings settings,
        Func<FFMpegArguments, FFMpegArgumentProcessor> output, CancellationToken ct)
    {
        await using var pipes = Start(settings, output);
        await pipes.RunAsync(chunks, ct);
    }

    /// <summary>Feeds <paramref name="chunks"/> (once per process) and waits for ffmpeg to finish writing.</summary>
    public async Task RunAsync(IAsyncEnumerable<FrameChunk> chunks, CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _fed, 1) == 1) throw new InvalidOperationException("an encoder process takes one stream of frames");
        await using var cancelling = ct.Register(Abort);
        try
        {
            // Frames are asked for only once ffmpeg is up: starting takes it a few hundred milliseconds of CPU (it loads
            // two hundred libraries), and an engine rendering on every core meanwhile would hold back the first fragment.
            await Task.WhenAny(_videoInput.Connected, _encoding).WaitAsync(_abort.Token);
            if (_encoding.IsFaulted) await _encoding;
            await FeedAsync(chunks, _settings, _video.Writer, _audio.Writer, _abort.Token);
        }
        catch (Exception) when (_encoding.IsFaulted)
        {
            await _encoding; // ffmpeg's own error says more than the cancellation it caused
            throw;
        }
        catch
        {
            await _abort.CancelAsync();
            try { await _encoding; } catch (Exception) { /* the producer's error is the one to report */ }
            throw;
        }
        await _encoding;
    }

    /// <summary>Stops ffmpeg if it is still waiting or running; a process that finished is left as it is.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_encoding.IsCompleted)
        {
            _video.Writer.TryComplete(new OperationCanceledException());
            _audio.Writer.TryComplete(new OperationCanceledException());
            await _abort.CancelAsync();
            try { await _encoding; } catch (Exception) { /* stopped on purpose */ }
        }
        _abort.Dispose();
    }

    /// <summary>Stops ffmpeg and the producer; may come after the process was disposed (a late callback), which is fine.</summary>
    private void Abort()
    {
        try { _abort.Cancel(); } catch (ObjectDisposedException) { }
    }

    private static void ReturnToPool(ReadOnlyMemory<byte> buffer)
    {
        if (MemoryMarshal.TryGetArray(buffer, out var segment)) ArrayPool<byte>.Shared.Return(segment.Array!);
    }

    /// <summary>
    /// The H.264/AAC output options both encoders share; <paramref name="live"/> for an encoder whose every frame is
    /// wanted at once (no frame held back to look ahead or reorder).
    /// </summary>
    public static string CodecArguments(Mp4EncodeSettings settings, bool live = false) =>
        "-map 0:v:0 -map 1:a:0 " + VideoCodecArguments(settings, live) +
        // Frames arrive as BT.601 limited-range YUV (Yuv420Converter); say so, or players guess (BT.709 for HD sizes).
        "-colorspace smpte170m -color_primaries bt709 -color_trc bt709 -color_range tv " +
        // ffmpeg's default AAC search ("twoloop") is meant for low bit rates; at ours "fast" sounds as good for less than
        // half the CPU (5 s of a World clip's sound at 160 kb/s: 0.15 → 0.06 s).
        $"-c:a aac -aac_coder fast -b:a {settings.AudioKilobitsPerSecond}k";

    /// <summary>libx264 with the settings' preset and options, or NVENC on the settings' GPU; either way 4:2:0.</summary>
    public static string VideoCodecArguments(Mp4EncodeSettings settings, bool live) => settings.NvencGpu is { } gpu
        // Constant quality at the settings' level, no B-frames; forced key frames (segment starts) as IDR frames, so
        // that every segment decodes on its own. Live: the ultra-low-latency tuning, each frame out as it is encoded.
        ? $"-c:v h264_nvenc -gpu {gpu} -preset p4 -tune {(live ? "ull -zerolatency 1 -delay 0" : "hq")} " +
          $"-rc vbr -cq {settings.Crf} -b:v 0 -bf 0 -forced-idr 1 -pix_fmt yuv420p "
        : $"-c:v libx264 -preset {settings.Preset} -crf {settings.Crf} {(live ? "-tune zerolatency " : "")}-pix_fmt yuv420p " +
          (settings.X264Params is { } x264 ? $"-x264-params {CheckedX264Params(x264)} " : "");

    private static string CheckedX264Params(string x264) =>
        x264.Length > 0 && x264.All(c => char.IsAsciiLetterOrDigit(c) || c is '=' or ':' or '.' or ',' or '-' or '_')
            ? x264
            : throw new ArgumentException($"x264 options must be key=value pairs joined by ':', not '{x264}'", nameof(x264));

    private static async Task FeedAsync(IAsyncEnumerable<FrameChunk> chunks, Mp4EncodeSettings settings, ChannelWriter<ReadOnlyMemory<byte>> video, ChannelWriter<ReadOnlyMemory<byte>> audio, CancellationToken ct)
    {
        try
        {
            await foreach (var chunk in chunks.WithCancellation(ct))
            {
                if (chunk.Width != settings.Width || chunk.Height != settings.Height)
                    throw new ArgumentException($"chunk of {chunk.Width}×{chunk.Height} in a {settings.Width}×{settings.Height} video");
                if (!chunk.Audio.IsEmpty) await audio.WriteAsync(MemoryMarshal.AsBytes(chunk.Audio.Span).ToArray(), ct);
                // Converted into a buffer of our own (the producer may reuse its buffers as soon as the next chunk is asked
                // for), from a pool: fresh arrays of megabytes each would be new pages for the kernel to fault in and zero.
                var length = chunk.FrameCount * Yuv420Converter.FrameBytes(chunk.Width, chunk.Height);
                var frames = ArrayPool<byte>.Shared.Rent(length);
                Yuv420Converter.Convert(chunk.Rgb24.Span, chunk.Width, chunk.Height, frames.AsSpan(0, length));
                await video.WriteAsync(frames.AsMemory(0, length), ct);
            }
            video.Complete();
            audio.Complete();
        }
        catch (Exception error)
        {
            video.TryComplete(error);
            audio.TryComplete(error);
            throw;
        }
    }
}
