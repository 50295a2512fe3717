using System.Buffers;
using Sora.Inference;
using Sora.Silo.Media;

namespace Sora.Silo.Tests.Media;

public class MediaChunkFramesTests
{
    [Fact]
    public async Task A_chunk_goes_back_to_its_pool_only_once_the_next_is_asked_for_and_its_frames_are_handed_on_in_place()
    {
        var pool = new RecordingPool();
        var chunks = Enumerable.Range(0, 3).Select(i => Chunk(pool, i)).ToList();
        var returnedWhenTaken = new List<int>();

        await foreach (var frames in Source(chunks).AsFrameChunks())
        {
            returnedWhenTaken.Add(pool.Returned.Count);
            Assert.True(frames.Rgb24.Span.SequenceEqual(chunks[returnedWhenTaken.Count - 1].Rgb24.Span));
            frames.Rgb24.Span[0] = 0xEE; // the marks draw in place, into the chunk's own buffer
        }

        Assert.Equal([0, 1, 2], returnedWhenTaken);
        Assert.Equal(chunks.Select(c => c.Rgb24.ToArray()[0]), [0xEE, 0xEE, 0xEE]);
        Assert.Equal(3, pool.Returned.Count);
    }

    private static MediaChunk Chunk(ArrayPool<byte> pool, int index)
    {
        var rgb = pool.Rent(4 * 2 * 3);
        rgb.AsSpan().Fill((byte)index);
        return MediaChunk.WithPooledFrames(index, 1, 4, 2, pool, rgb, 4 * 2 * 3, new float[4]);
    }

    private static async IAsyncEnumerable<MediaChunk> Source(IEnumerable<MediaChunk> chunks)
    {
        foreach (var chunk in chunks)
        {
            await Task.Yield();
            yield return chunk;
        }
    }

    private sealed class RecordingPool : ArrayPool<byte>
    {
        public List<byte[]> Returned { get; } = [];

        public override byte[] Rent(int minimumLength) => new byte[minimumLength];

        public override void Return(byte[] array, bool clearArray = false) => Returned.Add(array);
    }
}
