using System.Collections.Concurrent;
using Sora.Inference.World.Rendering;

namespace Sora.Silo.Generation;

/// <summary>
/// The World renderers a silo keeps between jobs. A renderer keeps its buffers (frame buffers, shadow map, triangles:
/// about 50 MB at 854×480, 105 MB at 1280×720) from frame to frame; a job drawn with an idle one is spared allocating
/// and zeroing them all. Each renderer is taken by one job at a time, so no more are kept than jobs ran here at once.
/// </summary>
internal sealed class WorldRendererPool
{
    private readonly ConcurrentBag<RasterRenderer> _idle = [];

    public int Idle => _idle.Count;

    /// <summary>An idle renderer, or a new one; the caller gives it back with <see cref="Return"/> once it has stopped drawing.</summary>
    public RasterRenderer Take() => _idle.TryTake(out var renderer) ? renderer : new RasterRenderer();

    public void Return(RasterRenderer renderer) => _idle.Add(renderer);

    public void Clear() => _idle.Clear();
}
