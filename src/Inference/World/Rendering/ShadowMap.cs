using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Numerics;

namespace Sora.Inference.World.Rendering;

/// <summary>
/// Depth of the shadow casters seen from the sun, in an orthographic map fitted around them.
/// Receivers outside the fitted square have no caster above them and are lit.
/// </summary>
internal sealed unsafe class ShadowMap
{
    private const int Size = 768;
    // Pinned, so that eight-lane lookups can gather from it through a plain pointer.
    private readonly float[] depth = GC.AllocateArray<float>(Size * Size, pinned: true);
    private Vector3 right, up, forward, origin;
    private float texelsPerMetre;
    private float bias;

    public bool Active { get; private set; }

    public void Build(ReadOnlySpan<Vector3> casters, Vector3 sunDirection)
    {
        Active = casters.Length > 0 && sunDirection.Y > 0.02f;
        if (!Active) return;
        forward = -sunDirection;
        right = Vector3.Normalize(Vector3.Cross(forward, MathF.Abs(forward.Y) > 0.99f ? Vector3.UnitZ : Vector3.UnitY));
        up = Vector3.Cross(right, forward);

        float minU = float.MaxValue, maxU = float.MinValue, minV = float.MaxValue, maxV = float.MinValue;
        foreach (var p in casters)
        {
            var u = Vector3.Dot(p, right);
            var v = Vector3.Dot(p, up);
            minU = float.MinNative(minU, u); maxU = float.MaxNative(maxU, u);
            minV = float.MinNative(minV, v); maxV = float.MaxNative(maxV, v);
        }
        var extent = Math.Clamp(float.MaxNative(maxU - minU, maxV - minV) * 1.04f + 0.2f, 1, 120);
        texelsPerMetre = Size / extent;
        origin = right * ((minU + maxU - extent) * 0.5f) + up * ((minV + maxV - extent) * 0.5f);
        bias = 2.5f / texelsPerMetre;
        depth.AsSpan().Fill(float.PositiveInfinity);
        for (var i = 0; i + 2 < casters.Length; i += 3)
        {
            // Closed meshes: the faces turned to the sun are enough to find the nearest depth.
            var a = casters[i];
            if (Vector3.Dot(Vector3.Cross(casters[i + 1] - a, casters[i + 2] - a), sunDirection) <= 0) continue;
            Rasterize(a, casters[i + 1], casters[i + 2]);
        }
    }

    /// <summary>Fraction of sunlight reaching <paramref name="p"/> (0 in full shadow), filtered over 2×2 texels.</summary>
    public float Visibility(in Vector3 p, in Vector3 normal)
    {
        if (!Active) return 1;
        // Pushing the lookup point along the normal keeps lit surfaces from shadowing themselves.
        var d = p + normal * (bias * 1.5f) - origin;
        var u = Vector3.Dot(d, right) * texelsPerMetre - 0.5f;
        var v = Vector3.Dot(d, up) * texelsPerMetre - 0.5f;
        if (u < 0 || v < 0 || u >= Size - 1 || v >= Size - 1) return 1;
        var z = Vector3.Dot(d, forward) - bias;
        int x0 = (int)u, y0 = (int)v;
        float fx = u - x0, fy = v - y0;
        // The four texels as two rows of two, compared at once: no branch per texel to mispredict at shadow edges.
        ref var row = ref Unsafe.As<float, long>(ref depth[y0 * Size + x0]);
        var below = Vector128.Create(row, Unsafe.As<float, long>(ref Unsafe.Add(ref Unsafe.As<long, float>(ref row), Size))).AsSingle();
        var lit = Vector128.GreaterThanOrEqual(below, Vector128.Create(z)) & Vector128<float>.One;
        var weights = Vector128.Create((1 - fx) * (1 - fy), fx * (1 - fy), (1 - fx) * fy, fx * fy);
        return Vector128.Dot(lit, weights);
    }

    /// <summary><see cref="Visibility(in Vector3, in Vector3)"/> of eight points on surfaces facing straight up.</summary>
    public Vector256<float> VisibilityFacingUp(in Vector3Lanes p)
    {
        if (!Active) return Vector256<float>.One;
        var lift = bias * 1.5f;
        var d = new Vector3Lanes(p.X - Vector256.Create(origin.X), p.Y + Vector256.Create(lift) - Vector256.Create(origin.Y), p.Z - Vector256.Create(origin.Z));
        var u = Vector3Lanes.Dot(d, right) * texelsPerMetre - Vector256.Create(0.5f);
        var v = Vector3Lanes.Dot(d, up) * texelsPerMetre - Vector256.Create(0.5f);
        var limit = Vector256.Create((float)(Size - 1));
        // Written so that NaN lanes (pixels not on the ground) count as outside and read texel 0.
        var inside = Vector256.GreaterThanOrEqual(u, Vector256<float>.Zero) & Vector256.GreaterThanOrEqual(v, Vector256<float>.Zero)
            & Vector256.LessThan(u, limit) & Vector256.LessThan(v, limit);
        if (inside == Vector256<float>.Zero) return Vector256<float>.One;
        var z = Vector3Lanes.Dot(d, forward) - Vector256.Create(bias);
        var x0 = Vector256.ConvertToInt32(u & inside);
        var y0 = Vector256.ConvertToInt32(v & inside);
        var fx = (u & inside) - Vector256.ConvertToSingle(x0);
        var fy = (v & inside) - Vector256.ConvertToSingle(y0);
        var index = y0 * Size + x0;
        fixed (float* map = depth)
        {
            var one = Vector256<float>.One;
            var a = Vector256.GreaterThanOrEqual(LaneGather.Load(map, index), z) & one;
            var b = Vector256.GreaterThanOrEqual(LaneGather.Load(map + 1, index), z) & one;
            var c = Vector256.GreaterThanOrEqual(LaneGather.Load(map + Size, index), z) & one;
            var e = Vector256.GreaterThanOrEqual(LaneGather.Load(map + Size + 1, index), z) & one;
            var top = a + (b - a) * fx;
            var lit = top + (c + (e - c) * fx - top) * fy;
            return Vector256.ConditionalSelect(inside, lit, one);
        }
    }

    private void Rasterize(Vector3 pa, Vector3 pb, Vector3 pc)
    {
        var a = ToMap(pa);
        var b = ToMap(pb);
        var c = ToMap(pc);
        var area = (b.X - a.X) * (c.Y - a.Y) - (b.Y - a.Y) * (c.X - a.X);
        if (MathF.Abs(area) < 1e-6f) return;
        var minX = Math.Max((int)MathF.Floor(float.MinNative(a.X, float.MinNative(b.X, c.X))), 0);
        var maxX = Math.Min((int)MathF.Ceiling(float.MaxNative(a.X, float.MaxNative(b.X, c.X))), Size - 1);
        var minY = Math.Max((int)MathF.Floor(float.MinNative(a.Y, float.MinNative(b.Y, c.Y))), 0);
        var maxY = Math.Min((int)MathF.Ceiling(float.MaxNative(a.Y, float.MaxNative(b.Y, c.Y))), Size - 1);
        var inverse = 1 / area;
        // The barycentric weights and the depth are linear in x: step them along the row instead of re-evaluating.
        var step0 = -(c.Y - b.Y) * inverse;
        var step1 = -(a.Y - c.Y) * inverse;
        var stepZ = step0 * (a.Z - c.Z) + step1 * (b.Z - c.Z);
        for (var y = minY; y <= maxY; y++)
        {
            var py = y + 0.5f;
            var px = minX + 0.5f;
            var w0 = ((c.X - b.X) * (py - b.Y) - (c.Y - b.Y) * (px - b.X)) * inverse;
            var w1 = ((a.X - c.X) * (py - c.Y) - (a.Y - c.Y) * (px - c.X)) * inverse;
            // Jump to the first texel that can be inside instead of testing the whole bounding box from its left.
            var skip = 0f;
            if (!Entry(w0, step0, ref skip) || !Entry(w1, step1, ref skip) || !Entry(1 - w0 - w1, -(step0 + step1), ref skip)) continue;
            if (skip > maxX - minX + 1) continue;
            var first = Math.Max((int)skip - 1, 0);
            w0 += step0 * first;
            w1 += step1 * first;
            var z = c.Z + w0 * (a.Z - c.Z) + w1 * (b.Z - c.Z);
            var inside = false;
            ref var row = ref depth[y * Size];
            for (var x = minX + first; x <= maxX; x++, w0 += step0, w1 += step1, z += stepZ)
            {
                // A little slack closes the cracks between neighbouring triangles.
                if (w0 < -0.02f || w1 < -0.02f || 1 - w0 - w1 < -0.02f)
                {
                    // A triangle is convex: past its far edge the rest of the row is outside too.
                    if (inside) break;
                    continue;
                }
                inside = true;
                ref var stored = ref Unsafe.Add(ref row, x);
                if (z < stored) stored = z;
            }
        }
    }

    /// <summary>Widens <paramref name="skip"/> to the steps after which a weight starting at <paramref name="weight"/> reaches the slack; false if it never does.</summary>
    private static bool Entry(float weight, float step, ref float skip)
    {
        if (weight >= -0.02f) return true;
        if (step <= 0) return false;
        skip = float.MaxNative(skip, (-0.02f - weight) / step);
        return true;
    }

    private Vector3 ToMap(Vector3 p)
    {
        var d = p - origin;
        return new Vector3(Vector3.Dot(d, right) * texelsPerMetre, Vector3.Dot(d, up) * texelsPerMetre, Vector3.Dot(d, forward));
    }
}
