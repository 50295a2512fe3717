using System.Numerics;

namespace Sora.Inference.World.Rendering;

/// <summary>Integer hashing and value noise: procedural texture that is identical on every machine and thread.</summary>
internal static class Noise
{
    private const uint XFactor = 0x8DA6B343u, YFactor = 0xD8163841u, SeedFactor = 0xCB1AB31Fu;
    private const uint FirstMix = 0x2C1B3C6Du, SecondMix = 0x297A2D39u;

    public static uint Hash(int x, int y, int seed)
    {
        var h = (uint)x * XFactor ^ (uint)y * YFactor ^ (uint)seed * SeedFactor;
        h ^= h >> 15;
        h *= FirstMix;
        h ^= h >> 12;
        h *= SecondMix;
        h ^= h >> 15;
        return h;
    }

    public static float Hash01(int x, int y, int seed) => (Hash(x, y, seed) & 0xFFFFFF) * (1f / 16777216f);

    /// <summary><see cref="Hash01(int, int, int)"/> of a row of pixels at once: lane i holds the value of column x[i].</summary>
    public static Vector<float> Hash01(Vector<uint> x, int y, int seed)
    {
        var h = x * XFactor ^ new Vector<uint>((uint)y * YFactor ^ (uint)seed * SeedFactor);
        h ^= h >>> 15;
        h *= new Vector<uint>(FirstMix);
        h ^= h >>> 12;
        h *= new Vector<uint>(SecondMix);
        h ^= h >>> 15;
        return Vector.ConvertToSingle(Vector.AsVectorInt32(h & new Vector<uint>(0xFFFFFF))) * (1f / 16777216f);
    }

    /// <summary>Smoothly interpolated lattice noise in [0, 1].</summary>
    public static float Value(float x, float y, int seed)
    {
        var fx = MathF.Floor(x);
        var fy = MathF.Floor(y);
        int ix = (int)fx, iy = (int)fy;
        float tx = x - fx, ty = y - fy;
        tx = tx * tx * (3 - 2 * tx);
        ty = ty * ty * (3 - 2 * ty);
        var a = Hash01(ix, iy, seed);
        var b = Hash01(ix + 1, iy, seed);
        var c = Hash01(ix, iy + 1, seed);
        var d = Hash01(ix + 1, iy + 1, seed);
        var top = a + (b - a) * tx;
        var bottom = c + (d - c) * tx;
        return top + (bottom - top) * ty;
    }

    /// <summary>Fractal sum of <paramref name="octaves"/> value-noise layers, normalised to [0, 1].</summary>
    public static float Fbm(float x, float y, int octaves, int seed)
    {
        float sum = 0, amplitude = 0.5f, norm = 0;
        for (var i = 0; i < octaves; i++)
        {
            sum += Value(x, y, seed + i * 131) * amplitude;
            norm += amplitude;
            amplitude *= 0.5f;
            x = x * 2.03f + 17.1f;
            y = y * 2.03f - 9.7f;
        }
        return sum / norm;
    }
}
