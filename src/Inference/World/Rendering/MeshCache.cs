using Sora.Inference.World.Scene;

namespace Sora.Inference.World.Rendering;

/// <summary>Tessellates each distinct shape once. Shapes are records, so equal sizes share a mesh.</summary>
internal sealed class MeshCache
{
    private const int MaxEntries = 4096;
    private readonly Dictionary<BodyShape, Mesh> meshes = [];

    public Mesh Get(BodyShape shape)
    {
        if (meshes.TryGetValue(shape, out var mesh)) return mesh;
        // Shattering can create many one-off shapes; a bounded cache keeps a long video's memory flat.
        if (meshes.Count >= MaxEntries) meshes.Clear();
        mesh = MeshTessellator.Tessellate(shape);
        meshes[shape] = mesh;
        return mesh;
    }
}
