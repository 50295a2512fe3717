using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Sora.Inference;
using Sora.Media.Encoding;

namespace Sora.Silo.Media;

public static class MediaChunkFrames
{
    /// <summary>
    /// The engine's chunk as the marks and the encoder take it, over the same buffers: the chunk owns them until it is
    /// released, so the marks may be drawn into them in place.
    /// </summary>
    public static FrameChunk ToFrameChunk(this MediaChunk chunk) =>
        new(chunk.Width, chunk.Height, MemoryMarshal.AsMemory(chunk.Rgb24), MemoryMarshal.AsMemory(chunk.Audio));

    /// <summary>
    /// The engine's chunks as the provenance path takes them (<see cref="ToFrameChunk"/>), each released
    /// (<see cref="MediaChunk.Release"/>) once the next is asked for: by then the marks, the poster and the encoder, which
    /// converts a chunk into its own buffer before it takes the next, are done with its frames.
    /// </summary>
    public static async IAsyncEnumerable<FrameChunk> AsFrameChunks(this IAsyncEnumerable<MediaChunk> chunks,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var chunk in chunks.WithCancellation(cancellationToken))
        {
            yield return chunk.ToFrameChunk();
            chunk.Release();
        }
    }
}
