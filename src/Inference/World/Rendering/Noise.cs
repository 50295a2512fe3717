namespace Sora.Inference.World.Rendering;

/// <summary>Integer hashing and value noise: procedural texture that is identical on every machine and thread.</summary>
internal static class Noise
{
    public static uint Hash(int x, int y, int seed)
    {
        var h = (uint)x * 0x8DA6B343u ^ (uint)y * 0xD8163841u ^ (uint)seed * 0xCB1AB31Fu;
        h ^= h >> 15;
        h *= 0x2C1B3C6Du;
        h ^= h >> 12;
        h *= 0x297A2D39u;
        h ^= h >> 15;
        return h;
    }

    public static float Hash01(int x, int y, int seed) => (Hash(x, y, seed) & 0xFFFFFF) * (1f / 16777216f);

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
