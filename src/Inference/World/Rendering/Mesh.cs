using System.Numerics;

namespace Sora.Inference.World.Rendering;

/// <summary>A triangle mesh in a body's local frame; counter-clockwise triangles seen from outside.</summary>
internal sealed class Mesh(Vector3[] positions, Vector3[] normals, int[] indices)
{
    public Vector3[] Positions { get; } = positions;
    public Vector3[] Normals { get; } = normals;
    public int[] Indices { get; } = indices;
    public int TriangleCount => Indices.Length / 3;
}
