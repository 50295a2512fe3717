using System.Numerics;
using System.Runtime.Intrinsics;

namespace Sora.Inference.World.Rendering;

/// <summary>Eight 3-vectors as three planes (all x, all y, all z): a run of pixels shaded at once.</summary>
internal readonly struct Vector3Lanes(Vector256<float> x, Vector256<float> y, Vector256<float> z)
{
    public readonly Vector256<float> X = x;
    public readonly Vector256<float> Y = y;
    public readonly Vector256<float> Z = z;

    public Vector3Lanes(Vector3 v) : this(Vector256.Create(v.X), Vector256.Create(v.Y), Vector256.Create(v.Z)) { }

    public static Vector3Lanes operator +(in Vector3Lanes a, in Vector3Lanes b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);
    public static Vector3Lanes operator -(in Vector3Lanes a, in Vector3Lanes b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);
    public static Vector3Lanes operator *(in Vector3Lanes a, Vector256<float> s) => new(a.X * s, a.Y * s, a.Z * s);
    public static Vector3Lanes operator *(in Vector3Lanes a, Vector3 c) => new(a.X * c.X, a.Y * c.Y, a.Z * c.Z);
    public static Vector3Lanes operator *(in Vector3Lanes a, in Vector3Lanes b) => new(a.X * b.X, a.Y * b.Y, a.Z * b.Z);

    /// <summary>A constant colour scaled per lane.</summary>
    public static Vector3Lanes Scale(Vector3 c, Vector256<float> s) => new(s * c.X, s * c.Y, s * c.Z);

    public static Vector256<float> Dot(in Vector3Lanes a, in Vector3Lanes b) => a.X * b.X + a.Y * b.Y + a.Z * b.Z;

    public static Vector256<float> Dot(in Vector3Lanes a, Vector3 b) => a.X * b.X + a.Y * b.Y + a.Z * b.Z;

    public static Vector3Lanes Normalize(in Vector3Lanes a)
    {
        var inverse = Vector256<float>.One / Vector256.Sqrt(Dot(a, a));
        return a * inverse;
    }

    /// <summary>a + (b − a)·t per lane.</summary>
    public static Vector3Lanes Lerp(in Vector3Lanes a, in Vector3Lanes b, Vector256<float> t) =>
        new(a.X + (b.X - a.X) * t, a.Y + (b.Y - a.Y) * t, a.Z + (b.Z - a.Z) * t);

    public static Vector3Lanes Lerp(in Vector3Lanes a, Vector3 b, Vector256<float> t) => Lerp(a, new Vector3Lanes(b), t);

    public static Vector3Lanes Lerp(Vector3 a, Vector3 b, Vector256<float> t) =>
        new(Vector256.Create(a.X) + t * (b.X - a.X), Vector256.Create(a.Y) + t * (b.Y - a.Y), Vector256.Create(a.Z) + t * (b.Z - a.Z));

    /// <summary>Lane by lane: <paramref name="a"/> where <paramref name="mask"/> is set, else <paramref name="b"/>.</summary>
    public static Vector3Lanes Select(Vector256<float> mask, in Vector3Lanes a, in Vector3Lanes b) =>
        new(Vector256.ConditionalSelect(mask, a.X, b.X), Vector256.ConditionalSelect(mask, a.Y, b.Y), Vector256.ConditionalSelect(mask, a.Z, b.Z));
}
