using System.Runtime.InteropServices;
using Sora.Inference;
using Sora.Media.Encoding;

namespace Sora.Silo.Media;

public static class MediaChunkFrames
{
    /// <summary>
    /// The engine's chunk as the marks and the encoder take it, over the same buffers: engines hand over fresh buffers per
    /// chunk, so the marks may be drawn into them in place.
    /// </summary>
    public static FrameChunk ToFrameChunk(this MediaChunk chunk) =>
        new(chunk.Width, chunk.Height, MemoryMarshal.AsMemory(chunk.Rgb24), MemoryMarshal.AsMemory(chunk.Audio));
}
