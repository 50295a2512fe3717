using System.Numerics;

namespace Sora.Inference.World.Simulation;

/// <summary>A convex solid in its local frame: its corners and the outward planes of its faces (n·x = d).</summary>
public sealed class ConvexPolyhedron
{
    public ConvexPolyhedron(Vector3[] points, (Vector3 Normal, float Offset)[] planes)
    {
        Points = points;
        Planes = planes;
        EdgeDirections = FindEdgeDirections(points, planes);
        Faces = planes.Select(plane => OrderedFace(points, plane)).ToArray();
    }

    /// <summary>For each plane, the indices of its corners in order around the face.</summary>
    public int[][] Faces { get; }

    private static int[] OrderedFace(Vector3[] points, (Vector3 Normal, float Offset) plane)
    {
        var onFace = Enumerable.Range(0, points.Length)
            .Where(i => MathF.Abs(Vector3.Dot(plane.Normal, points[i]) - plane.Offset) < 1e-4f).ToArray();
        if (onFace.Length < 3) return onFace;
        var centre = Vector3.Zero;
        foreach (var i in onFace) centre += points[i];
        centre /= onFace.Length;
        var u = Vector3.Normalize(points[onFace[0]] - centre);
        var v = Vector3.Cross(plane.Normal, u);
        return onFace.OrderBy(i => MathF.Atan2(Vector3.Dot(points[i] - centre, v), Vector3.Dot(points[i] - centre, u))).ToArray();
    }

    /// <summary>The distinct directions of the edges (each edge is where two faces meet); for separating-axis tests.</summary>
    public Vector3[] EdgeDirections { get; }

    private static Vector3[] FindEdgeDirections(Vector3[] points, (Vector3 Normal, float Offset)[] planes)
    {
        var directions = new List<Vector3>();
        for (var i = 0; i < points.Length; i++)
            for (var j = i + 1; j < points.Length; j++)
            {
                var shared = 0;
                foreach (var (n, d) in planes)
                    if (MathF.Abs(Vector3.Dot(n, points[i]) - d) < 1e-4f && MathF.Abs(Vector3.Dot(n, points[j]) - d) < 1e-4f) shared++;
                if (shared < 2) continue;
                var direction = Vector3.Normalize(points[j] - points[i]);
                if (directions.All(known => MathF.Abs(Vector3.Dot(known, direction)) < 0.999f)) directions.Add(direction);
            }
        return directions.ToArray();
    }

    public Vector3[] Points { get; }
    public (Vector3 Normal, float Offset)[] Planes { get; }

    public static ConvexPolyhedron Box(Vector3 half)
    {
        var points = new Vector3[8];
        for (var i = 0; i < 8; i++)
            points[i] = new Vector3((i & 1) == 0 ? -half.X : half.X, (i & 2) == 0 ? -half.Y : half.Y, (i & 4) == 0 ? -half.Z : half.Z);
        return new ConvexPolyhedron(points,
        [
            (Vector3.UnitX, half.X), (-Vector3.UnitX, half.X), (Vector3.UnitY, half.Y),
            (-Vector3.UnitY, half.Y), (Vector3.UnitZ, half.Z), (-Vector3.UnitZ, half.Z),
        ]);
    }

    /// <summary>
    /// A solid of stacked regular polygons (bottom to top) whose radii form a convex profile: vases, rocks,
    /// fragments. Built from rings so that every face is planar and its plane is known exactly.
    /// </summary>
    public static ConvexPolyhedron Rings(int sides, IReadOnlyList<(float Y, float Radius)> rings, float twist = 0)
    {
        var points = new List<Vector3>();
        foreach (var (y, radius) in rings)
            for (var s = 0; s < sides; s++)
            {
                var angle = twist + 2 * MathF.PI * s / sides;
                points.Add(new Vector3(radius * MathF.Cos(angle), y, radius * MathF.Sin(angle)));
            }
        var planes = new List<(Vector3, float)>
        {
            (-Vector3.UnitY, -rings[0].Y),
            (Vector3.UnitY, rings[^1].Y),
        };
        for (var r = 0; r + 1 < rings.Count; r++)
            for (var s = 0; s < sides; s++)
            {
                var a = points[r * sides + s];
                var b = points[r * sides + (s + 1) % sides];
                var c = points[(r + 1) * sides + s];
                var normal = Vector3.Normalize(Vector3.Cross(c - a, b - a));
                if (Vector3.Dot(normal, a - new Vector3(0, a.Y, 0)) < 0) normal = -normal;
                planes.Add((normal, Vector3.Dot(normal, a)));
            }
        return new ConvexPolyhedron(points.ToArray(), planes.ToArray());
    }

    public float Volume()
    {
        // Sum of pyramids from the centroid of the corners to each face (exact for convex solids).
        var centre = Vector3.Zero;
        foreach (var p in Points) centre += p;
        centre /= Points.Length;
        float volume = 0;
        foreach (var (normal, offset) in Planes)
        {
            var face = Points.Where(p => MathF.Abs(Vector3.Dot(normal, p) - offset) < 1e-4f).ToList();
            if (face.Count < 3) continue;
            var area = FaceArea(face, normal);
            volume += area * (offset - Vector3.Dot(normal, centre)) / 3;
        }
        return volume;
    }

    private static float FaceArea(List<Vector3> face, Vector3 normal)
    {
        var centre = Vector3.Zero;
        foreach (var p in face) centre += p;
        centre /= face.Count;
        var u = Vector3.Normalize(face[0] - centre);
        var v = Vector3.Cross(normal, u);
        var ordered = face.OrderBy(p => MathF.Atan2(Vector3.Dot(p - centre, v), Vector3.Dot(p - centre, u))).ToList();
        float area = 0;
        for (var i = 0; i < ordered.Count; i++)
            area += Vector3.Dot(Vector3.Cross(ordered[i] - centre, ordered[(i + 1) % ordered.Count] - centre), normal) / 2;
        return MathF.Abs(area);
    }
}
