using Sora.Media.Encoding;

namespace Sora.Silo.Generation;

/// <summary>
/// Makes a video's poster from its marked frame while the video is still being made, so nothing is decoded after the
/// last frame: watches the chunks go by and encodes the JPEG of frame <paramref name="frameIndex"/> (the last frame
/// of shorter videos) off the caller's thread.
/// </summary>
internal sealed class PosterCapture(int frameIndex, CancellationToken ct)
{
    private int _framesSeen;
    private ReadOnlyMemory<byte> _lastFrame;
    private (int Width, int Height) _lastFrameSize;
    private Task<byte[]>? _jpeg;

    public ValueTask ObserveAsync(FrameChunk chunk, CancellationToken _)
    {
        if (_jpeg is not null) return ValueTask.CompletedTask;
        var frameBytes = chunk.Width * chunk.Height * 3;
        var frames = chunk.Rgb24.Length / frameBytes;
        if (frameIndex < _framesSeen + frames)
        {
            // A copy: the chunk's buffer goes on to the encoder and may be reused.
            var frame = chunk.Rgb24.Slice((frameIndex - _framesSeen) * frameBytes, frameBytes).ToArray();
            _jpeg = Task.Run(() => PosterImage.FromFrame(frame, chunk.Width, chunk.Height), ct);
        }
        else if (frames > 0)
        {
            _lastFrame = chunk.Rgb24.Slice((frames - 1) * frameBytes, frameBytes).ToArray();
            _lastFrameSize = (chunk.Width, chunk.Height);
        }
        _framesSeen += frames;
        return ValueTask.CompletedTask;
    }

    /// <summary>The poster's JPEG; call once all the video's frames have gone by.</summary>
    public Task<byte[]> JpegAsync()
    {
        if (_jpeg is not null) return _jpeg;
        if (_lastFrame.IsEmpty) throw new InvalidOperationException("the video had no frames");
        return Task.FromResult(PosterImage.FromFrame(_lastFrame.Span, _lastFrameSize.Width, _lastFrameSize.Height));
    }
}
