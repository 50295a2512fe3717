using Sora.Media.Encoding;

namespace Sora.Silo.Generation;

/// <summary>
/// Makes a video's poster from its marked frame while the video is still being made, so nothing is decoded after the
/// last frame: watches the chunks go by and encodes the JPEG of frame <paramref name="frameIndex"/> off the caller's
/// thread. The index must be one of the video's frames.
/// </summary>
internal sealed class PosterCapture(int frameIndex, CancellationToken ct)
{
    private int _framesSeen;
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
        _framesSeen += frames;
        return ValueTask.CompletedTask;
    }

    /// <summary>The poster's JPEG; call once all the video's frames have gone by.</summary>
    public Task<byte[]> JpegAsync() =>
        _jpeg ?? throw new InvalidOperationException($"the video ended after {_framesSeen} frames, before its poster frame {frameIndex}");
}
