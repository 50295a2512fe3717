using System.Numerics;
using Sora.Inference.World.Scene;

namespace Sora.Inference.World.Rendering;

/// <summary>
/// Moves cached meshes to their poses, culls back faces, clips at the near plane and projects. Opaque
/// triangles come first, then glass and water, so rasterising in index order sees every opaque depth
/// before any transparent one. Arrays are kept and grown between frames.
/// </summary>
internal sealed class TriangleSetup
{
    private ScreenTriangle[] triangles = new ScreenTriangle[4096];
    private Vector3[] worldPositions = new Vector3[1024];
    private Vector3[] worldNormals = new Vector3[1024];
    private Vector3[] casters = new Vector3[3 * 4096];
    private Vector3[] viewPositions = new Vector3[1024];
    private Vector2[] screenPositions = new Vector2[1024];

    public ReadOnlySpan<ScreenTriangle> Triangles => triangles.AsSpan(0, Count);
    public int Count { get; private set; }

    /// <summary>World-space corners of every triangle that casts a shadow, three per triangle.</summary>
    public ReadOnlySpan<Vector3> Casters => casters.AsSpan(0, CasterCount * 3);
    public int CasterCount { get; private set; }

    public void Build(in ViewCamera camera, IReadOnlyList<BodyPose> bodies, WaterSurface? water, MeshCache meshes)
    {
        Count = 0;
        CasterCount = 0;
        for (var pass = 0; pass < 2; pass++)
        {
            for (var b = 0; b < bodies.Count; b++)
            {
                var body = bodies[b];
                var transparent = body.Surface == SurfaceKind.Glass;
                if (transparent != (pass == 1)) continue;
                AddBody(camera, body, b, meshes.Get(body.Shape));
            }
        }
        if (water is not null) AddWater(camera, water, bodies.Count);
    }

    private void AddBody(in ViewCamera camera, in BodyPose body, int item, Mesh mesh)
    {
        var rotation = body.Rotation.LengthSquared() > 1e-12f ? Quaternion.Normalize(body.Rotation) : Quaternion.Identity;
        var count = mesh.Positions.Length;
        Grow(ref worldPositions, count);
        Grow(ref worldNormals, count);
        GrowVertices(count);
        for (var i = 0; i < count; i++)
        {
            worldPositions[i] = Vector3.Transform(mesh.Positions[i], rotation) + body.Position;
            worldNormals[i] = Vector3.Transform(mesh.Normals[i], rotation);
            ToScreen(camera, worldPositions[i], i);
        }
        var transparent = body.Surface == SurfaceKind.Glass;
        var indices = mesh.Indices;
        for (var t = 0; t < indices.Length; t += 3)
        {
            int a = indices[t], b = indices[t + 1], c = indices[t + 2];
            Vector3 pa = worldPositions[a], pb = worldPositions[b], pc = worldPositions[c];
            if (!transparent)
            {
                Grow(ref casters, CasterCount * 3 + 3);
                casters[CasterCount * 3] = pa;
                casters[CasterCount * 3 + 1] = pb;
                casters[CasterCount * 3 + 2] = pc;
                CasterCount++;
            }
            if (Vector3.Dot(Vector3.Cross(pb - pa, pc - pa), camera.Eye - pa) <= 0) continue;
            AddTriangle(camera, a, b, c, worldNormals, item, transparent);
        }
    }

    private void AddWater(in ViewCamera camera, WaterSurface water, int item)
    {
        int nx = water.ResolutionX, nz = water.ResolutionZ;
        var count = nx * nz;
        Grow(ref worldNormals, count);
        GrowVertices(count);
        float dx = (water.MaxX - water.MinX) / (nx - 1), dz = (water.MaxZ - water.MinZ) / (nz - 1);
        var h = water.Heights;
        for (var z = 0; z < nz; z++)
        for (var x = 0; x < nx; x++)
        {
            var i = z * nx + x;
            ToScreen(camera, new Vector3(water.MinX + dx * x, water.Level + h[i], water.MinZ + dz * z), i);
            var left = h[z * nx + Math.Max(x - 1, 0)];
            var right = h[z * nx + Math.Min(x + 1, nx - 1)];
            var back = h[Math.Max(z - 1, 0) * nx + x];
            var front = h[Math.Min(z + 1, nz - 1) * nx + x];
            worldNormals[i] = Vector3.Normalize(new Vector3((left - right) / (2 * dx), 1, (back - front) / (2 * dz)));
        }
        for (var z = 0; z < nz - 1; z++)
        for (var x = 0; x < nx - 1; x++)
        {
            int a = z * nx + x, b = a + 1, c = a + nx, d = c + 1;
            AddTriangle(camera, a, c, b, worldNormals, item, true);
            AddTriangle(camera, b, c, d, worldNormals, item, true);
        }
    }

    /// <summary>Moves vertex <paramref name="index"/> to view space and, in front of the near plane, onto the screen: once per vertex, not per triangle.</summary>
    private void ToScreen(in ViewCamera camera, Vector3 world, int index)
    {
        var view = camera.ToView(world);
        viewPositions[index] = view;
        if (view.Z >= ViewCamera.Near) screenPositions[index] = camera.Project(view);
    }

    /// <summary>A triangle of vertices already passed through <see cref="ToScreen"/>; only those crossing the near plane are clipped.</summary>
    private void AddTriangle(in ViewCamera camera, int a, int b, int c, Vector3[] normals, int item, bool transparent)
    {
        Vector3 va = viewPositions[a], vb = viewPositions[b], vc = viewPositions[c];
        if (va.Z >= ViewCamera.Near && vb.Z >= ViewCamera.Near && vc.Z >= ViewCamera.Near)
            Emit(camera, screenPositions[a], screenPositions[b], screenPositions[c], va.Z, vb.Z, vc.Z, normals[a], normals[b], normals[c], item, transparent);
        else
            AddClipped(camera, va, vb, vc, normals[a], normals[b], normals[c], item, transparent);
    }

    private void AddClipped(in ViewCamera camera, Vector3 va, Vector3 vb, Vector3 vc, Vector3 na, Vector3 nb, Vector3 nc, int item, bool transparent)
    {
        Span<Vector3> view = [va, vb, vc];
        Span<Vector3> normals = [na, nb, nc];
        var behind = 0;
        for (var i = 0; i < 3; i++) if (view[i].Z < ViewCamera.Near) behind++;
        if (behind == 3) return;
        if (behind == 0)
        {
            Emit(camera, view[0], view[1], view[2], na, nb, nc, item, transparent);
            return;
        }
        // Sutherland–Hodgman against the near plane: a triangle becomes one or two.
        Span<Vector3> outView = stackalloc Vector3[4];
        Span<Vector3> outNormal = stackalloc Vector3[4];
        var n = 0;
        for (var i = 0; i < 3; i++)
        {
            var j = (i + 1) % 3;
            var inI = view[i].Z >= ViewCamera.Near;
            var inJ = view[j].Z >= ViewCamera.Near;
            if (inI) { outView[n] = view[i]; outNormal[n] = normals[i]; n++; }
            if (inI != inJ)
            {
                var t = (ViewCamera.Near - view[i].Z) / (view[j].Z - view[i].Z);
                outView[n] = Vector3.Lerp(view[i], view[j], t);
                outNormal[n] = Vector3.Lerp(normals[i], normals[j], t);
                n++;
            }
        }
        for (var k = 1; k + 1 < n; k++)
            Emit(camera, outView[0], outView[k], outView[k + 1], outNormal[0], outNormal[k], outNormal[k + 1], item, transparent);
    }

    private void Emit(in ViewCamera camera, Vector3 va, Vector3 vb, Vector3 vc, Vector3 na, Vector3 nb, Vector3 nc, int item, bool transparent) =>
        Emit(camera, camera.Project(va), camera.Project(vb), camera.Project(vc), va.Z, vb.Z, vc.Z, na, nb, nc, item, transparent);

    private void Emit(in ViewCamera camera, Vector2 a, Vector2 b, Vector2 c, float za, float zb, float zc, Vector3 na, Vector3 nb, Vector3 nc, int item, bool transparent)
    {
        var area = (b.X - a.X) * (c.Y - a.Y) - (b.Y - a.Y) * (c.X - a.X);
        if (!(MathF.Abs(area) > 1e-8f)) return;
        var minX = (int)MathF.Floor(MathF.Min(a.X, MathF.Min(b.X, c.X)));
        var maxX = (int)MathF.Ceiling(MathF.Max(a.X, MathF.Max(b.X, c.X)));
        var minY = (int)MathF.Floor(MathF.Min(a.Y, MathF.Min(b.Y, c.Y)));
        var maxY = (int)MathF.Ceiling(MathF.Max(a.Y, MathF.Max(b.Y, c.Y)));
        minX = Math.Max(minX, 0);
        minY = Math.Max(minY, 0);
        maxX = Math.Min(maxX, camera.Width - 1);
        maxY = Math.Min(maxY, camera.Height - 1);
        if (minX > maxX || minY > maxY) return;

        Grow(ref triangles, Count + 1);
        ref var t = ref triangles[Count++];
        var inverse = 1 / area;
        // Weight of a vertex = edge function of the opposite edge / area, sampled at pixel centres.
        Edge(b, c, inverse, out t.W0A, out t.W0B, out t.W0C);
        Edge(c, a, inverse, out t.W1A, out t.W1B, out t.W1C);
        Edge(a, b, inverse, out t.W2A, out t.W2B, out t.W2C);
        t.InvZ0 = 1 / za;
        t.InvZ1 = 1 / zb;
        t.InvZ2 = 1 / zc;
        t.NormalOverZ0 = na * t.InvZ0;
        t.NormalOverZ1 = nb * t.InvZ1;
        t.NormalOverZ2 = nc * t.InvZ2;
        t.MinX = minX; t.MaxX = maxX; t.MinY = minY; t.MaxY = maxY;
        t.Item = item;
        t.Transparent = transparent;
    }

    private static void Edge(Vector2 from, Vector2 to, float inverseArea, out float a, out float b, out float c)
    {
        var dx = to.X - from.X;
        var dy = to.Y - from.Y;
        a = -dy * inverseArea;
        b = dx * inverseArea;
        c = (dy * from.X - dx * from.Y) * inverseArea + (a + b) * 0.5f;
    }

    private void GrowVertices(int count)
    {
        Grow(ref viewPositions, count);
        Grow(ref screenPositions, count);
    }

    private static void Grow<T>(ref T[] array, int needed)
    {
        if (array.Length >= needed) return;
        Array.Resize(ref array, Math.Max(needed, array.Length * 2));
    }
}
