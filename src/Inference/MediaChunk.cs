using System.Buffers;

namespace Sora.Inference;

/// <summary>Consecutive RGB24 frames with the 48 kHz stereo samples (interleaved float) that play during them.</summary>
public sealed record MediaChunk(
    int FirstFrame,
    int FrameCount,
    int Width,
    int Height,
    ReadOnlyMemory<byte> Rgb24,
    ReadOnlyMemory<float> Audio)
{
    public const int SampleRate = 48000;
    public const int Channels = 2;

    /// <summary>The pooled array behind <see cref="Rgb24"/> while this chunk owns it; a copy made with <c>with</c> does not.</summary>
    private byte[]? _pooledRgb;
    private ArrayPool<byte>? _pool;

    private MediaChunk(MediaChunk original)
    {
        (FirstFrame, FrameCount, Width, Height, Rgb24, Audio) =
            (original.FirstFrame, original.FrameCount, original.Width, original.Height, original.Rgb24, original.Audio);
    }

    /// <summary>
    /// A chunk whose frames are the first <paramref name="rgbLength"/> bytes of <paramref name="pooledRgb"/>, rented from
    /// <paramref name="pool"/>; <see cref="Release"/> returns it there.
    /// </summary>
    public static MediaChunk WithPooledFrames(int firstFrame, int frameCount, int width, int height, ArrayPool<byte> pool, byte[] pooledRgb,
        int rgbLength, ReadOnlyMemory<float> audio) =>
            new(firstFrame, frameCount, width, height, pooledRgb.AsMemory(0, rgbLength), audio) { _pool = pool, _pooledRgb = pooledRgb };

    public ReadOnlyMemory<byte> Frame(int index) => Rgb24.Slice(index * Width * Height * 3, Width * Height * 3);

    /// <summary>
    /// Says that nothing reads this chunk's frames any more, so the engine may draw later chunks into their buffer instead
    /// of new memory (megabytes a chunk, which the kernel would otherwise fault in and zero page by page). Optional: a
    /// chunk never released is collected like any object. After it, <see cref="Rgb24"/> may hold another chunk's frames.
    /// </summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _pooledRgb, null) is { } buffer) _pool!.Return(buffer);
    }

    /// <summary>First sample frame (per channel) of video frame <paramref name="frame"/>; rounding never drifts.</summary>
    public static long SampleOfFrame(long frame, int fps) => frame * SampleRate / fps;
}
