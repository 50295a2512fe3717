using System.Numerics;
using Sora.Inference.World.Scene;

namespace Sora.Inference.World.Rendering;

/// <summary>Turns a body shape into triangles. Every shape is convex, so triangles are turned to face away from the centre.</summary>
internal static class MeshTessellator
{
    private const int Slices = 20;
    private const int Stacks = 12;

    public static Mesh Tessellate(BodyShape shape) => shape switch
    {
        SphereShape sphere => RoundShape(sphere.Radius, 0),
        CapsuleShape capsule => RoundShape(capsule.Radius, capsule.HalfHeight),
        BoxShape box => Box(box.HalfExtents),
        ConvexHullShape hull => Hull(hull.Points),
        _ => throw new ArgumentException($"The renderer cannot draw a body shape of type {shape.GetType().Name}.", nameof(shape)),
    };

    /// <summary>A sphere, or a capsule when <paramref name="halfHeight"/> &gt; 0: two hemispheres joined by a cylinder along Y.</summary>
    private static Mesh RoundShape(float radius, float halfHeight)
    {
        var positions = new List<Vector3>();
        var normals = new List<Vector3>();
        var rings = 0;
        void Ring(float theta, float offset)
        {
            var y = MathF.Cos(theta);
            var s = MathF.Sin(theta);
            for (var j = 0; j <= Slices; j++)
            {
                var phi = MathF.Tau * j / Slices;
                var normal = new Vector3(s * MathF.Cos(phi), y, s * MathF.Sin(phi));
                normals.Add(normal);
                positions.Add(normal * radius + new Vector3(0, offset, 0));
            }
            rings++;
        }
        var half = Stacks / 2;
        for (var i = 0; i <= half; i++) Ring(MathF.PI * i / Stacks, halfHeight);
        for (var i = half; i <= Stacks; i++) Ring(MathF.PI * i / Stacks, -halfHeight);

        var indices = new List<int>();
        for (var r = 0; r < rings - 1; r++)
        {
            for (var j = 0; j < Slices; j++)
            {
                var a = r * (Slices + 1) + j;
                var b = a + Slices + 1;
                AddOutward(positions, indices, a, b, b + 1);
                AddOutward(positions, indices, a, b + 1, a + 1);
            }
        }
        return new Mesh([.. positions], [.. normals], [.. indices]);
    }

    private static Mesh Box(Vector3 h)
    {
        var positions = new List<Vector3>();
        var normals = new List<Vector3>();
        var indices = new List<int>();
        Span<Vector3> axes = [Vector3.UnitX, Vector3.UnitY, Vector3.UnitZ];
        for (var axis = 0; axis < 3; axis++)
        {
            var u = axes[(axis + 1) % 3];
            var v = axes[(axis + 2) % 3];
            foreach (var sign in (ReadOnlySpan<float>)[1f, -1f])
            {
                var n = axes[axis] * sign;
                var center = n * h;
                var du = u * h;
                var dv = v * h;
                var first = positions.Count;
                positions.AddRange([center - du - dv, center + du - dv, center + du + dv, center - du + dv]);
                normals.AddRange([n, n, n, n]);
                AddOutward(positions, indices, first, first + 1, first + 2);
                AddOutward(positions, indices, first, first + 2, first + 3);
            }
        }
        return new Mesh([.. positions], [.. normals], [.. indices]);
    }

    /// <summary>Brute-force hull: a triangle is a face when every point lies on one side of its plane. Shapes have few points, and the result is cached.</summary>
    private static Mesh Hull(Vector3[] input)
    {
        var points = input.Distinct().Take(96).ToArray();
        if (points.Length < 4) throw new ArgumentException("A convex hull needs at least 4 distinct points.", nameof(input));
        var scale = points.Max(p => p.Length());
        var epsilon = MathF.Max(scale, 1e-3f) * 1e-4f;
        var positions = new List<Vector3>();
        var normals = new List<Vector3>();
        var indices = new List<int>();
        var solid = false;
        for (var i = 0; i < points.Length; i++)
        for (var j = i + 1; j < points.Length; j++)
        for (var k = j + 1; k < points.Length; k++)
        {
            var normal = Vector3.Cross(points[j] - points[i], points[k] - points[i]);
            var length = normal.Length();
            if (length < epsilon * epsilon) continue;
            normal /= length;
            bool anyAbove = false, anyBelow = false;
            foreach (var p in points)
            {
                var d = Vector3.Dot(normal, p - points[i]);
                if (d > epsilon) anyAbove = true;
                else if (d < -epsilon) anyBelow = true;
                if (anyAbove && anyBelow) break;
            }
            if (anyAbove && anyBelow) continue;
            solid |= anyAbove || anyBelow;
            if (anyAbove) normal = -normal;
            var first = positions.Count;
            positions.AddRange([points[i], points[j], points[k]]);
            normals.AddRange([normal, normal, normal]);
            var winding = Vector3.Dot(Vector3.Cross(points[j] - points[i], points[k] - points[i]), normal) >= 0;
            indices.AddRange(winding ? [first, first + 1, first + 2] : [first, first + 2, first + 1]);
        }
        if (!solid) throw new ArgumentException("The convex hull's points are all in one plane.", nameof(input));
        return new Mesh([.. positions], [.. normals], [.. indices]);
    }

    /// <summary>Adds a triangle wound counter-clockwise seen from outside; drops degenerate ones (at the poles).</summary>
    private static void AddOutward(List<Vector3> positions, List<int> indices, int a, int b, int c)
    {
        var pa = positions[a];
        var cross = Vector3.Cross(positions[b] - pa, positions[c] - pa);
        if (cross.LengthSquared() < 1e-14f) return;
        var centroid = (pa + positions[b] + positions[c]) / 3;
        if (Vector3.Dot(cross, centroid) >= 0) indices.AddRange([a, b, c]);
        else indices.AddRange([a, c, b]);
    }
}
