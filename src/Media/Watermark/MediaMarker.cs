using Sora.Media.Encoding;

namespace Sora.Media.Watermark;

/// <summary>
/// Applies all three marks to a video's chunks, in order and in place: the visible mark and the invisible luma mark to
/// every frame, the inaudible mark to the audio. Keeps the frame and sample position, so chunks must come in order.
/// </summary>
public sealed class MediaMarker
{
    private readonly VisibleWatermark _visible;
    private readonly VideoWatermarkEmbedder _video;
    private readonly AudioWatermarkEmbedder _audio;
    private readonly int _fps;
    private long _samples;

    public MediaMarker(VisibleWatermark visible, VideoWatermarkEmbedder video, AudioWatermarkEmbedder audio, int fps)
    {
        _visible = visible;
        _video = video;
        _audio = audio;
        _fps = fps;
    }

    /// <summary>Frames marked so far.</summary>
    public long Frames { get; private set; }

    /// <summary>
    /// Marks one chunk. A chunk without audio gets silence of its frames' duration (returned as a new chunk), so every
    /// file has a sound track that carries the audio mark.
    /// </summary>
    public FrameChunk Apply(FrameChunk chunk)
    {
        if (chunk.Width != _visible.FrameWidth || chunk.Height != _visible.FrameHeight)
            throw new ArgumentException($"chunk of {chunk.Width}×{chunk.Height} in a {_visible.FrameWidth}×{_visible.FrameHeight} video", nameof(chunk));
        var first = Frames;
        // The visible schedule and the luma tables are read-only here, so frames mark independently.
        Parallel.For(0, chunk.FrameCount, i =>
        {
            var frame = chunk.Frame(i);
            _visible.Apply(frame, first + i);
            _video.Apply(frame);
        });
        Frames += chunk.FrameCount;

        if (chunk.Audio.IsEmpty)
        {
            var silence = new float[(FrameChunk.SampleOfFrame(Frames, _fps) - _samples) * FrameChunk.Channels];
            chunk = new FrameChunk(chunk.Width, chunk.Height, chunk.Rgb24, silence);
        }
        _audio.Apply(chunk.AudioBuffer);
        _samples += chunk.Audio.Length / FrameChunk.Channels;
        return chunk;
    }
}
