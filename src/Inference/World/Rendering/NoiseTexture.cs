using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Sora.Inference.World.Rendering;

/// <summary>
/// A tileable fractal-noise texture computed once per process and sampled bilinearly: one lookup
/// instead of a dozen hashes per pixel for clouds, grass, paper and clay.
/// </summary>
internal static unsafe class NoiseTexture
{
    private const int Size = 256;
    private const int Mask = Size - 1;
    // One extra column and row repeat the first, so a bilinear lookup never wraps inside the table.
    private const int Stride = Size + 1;
    private static readonly float[] Texels = Pad(Build());
    // Pinned for the life of the process, so eight-lane gathers can read it through a plain pointer.
    private static readonly float* Pinned = (float*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(Texels));

    /// <summary>Noise in [0, 1] with a period of one unit in each axis; a unit holds 8 coarse features.</summary>
    public static float Sample(float u, float v)
    {
        var x = u * Size;
        var y = v * Size;
        var fx = MathF.Floor(x);
        var fy = MathF.Floor(y);
        var ix = (int)(long)fx & Mask;
        var iy = (int)(long)fy & Mask;
        float tx = x - fx, ty = y - fy;
        // Masked indices stay inside the padded table, so the four reads skip bounds checks.
        ref var corner = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Texels), iy * Stride + ix);
        var a = corner;
        var b = Unsafe.Add(ref corner, 1);
        var c = Unsafe.Add(ref corner, Stride);
        var d = Unsafe.Add(ref corner, Stride + 1);
        var top = a + (b - a) * tx;
        return top + (c + (d - c) * tx - top) * ty;
    }

    /// <summary><see cref="Sample(float, float)"/> for eight points at once.</summary>
    public static Vector256<float> Sample(Vector256<float> u, Vector256<float> v)
    {
        var x = u * Size;
        var y = v * Size;
        var fx = Vector256.Floor(x);
        var fy = Vector256.Floor(y);
        var mask = Vector256.Create(Mask);
        var corner = (Vector256.ConvertToInt32(fy) & mask) * Stride + (Vector256.ConvertToInt32(fx) & mask);
        var tx = x - fx;
        var ty = y - fy;
        var a = LaneGather.Load(Pinned, corner);
        var b = LaneGather.Load(Pinned + 1, corner);
        var c = LaneGather.Load(Pinned + Stride, corner);
        var d = LaneGather.Load(Pinned + Stride + 1, corner);
        var top = a + (b - a) * tx;
        return top + (c + (d - c) * tx - top) * ty;
    }

    private static float[] Pad(float[] texels)
    {
        var padded = GC.AllocateArray<float>(Stride * Stride, pinned: true);
        for (var y = 0; y < Stride; y++)
        for (var x = 0; x < Stride; x++)
            padded[y * Stride + x] = texels[(y & Mask) * Size + (x & Mask)];
        return padded;
    }

    private static float[] Build()
    {
        var texels = new float[Size * Size];
        for (var y = 0; y < Size; y++)
        for (var x = 0; x < Size; x++)
        {
            float sum = 0, amplitude = 0.5f, norm = 0;
            for (int octave = 0, period = 8; octave < 5; octave++, period *= 2)
            {
                sum += Periodic(x * period / (float)Size, y * period / (float)Size, period, octave) * amplitude;
                norm += amplitude;
                amplitude *= 0.5f;
            }
            texels[y * Size + x] = sum / norm;
        }
        return texels;
    }

    private static float Periodic(float x, float y, int period, int seed)
    {
        int ix = (int)x, iy = (int)y;
        float tx = x - ix, ty = y - iy;
        tx = tx * tx * (3 - 2 * tx);
        ty = ty * ty * (3 - 2 * ty);
        int x1 = (ix + 1) % period, y1 = (iy + 1) % period;
        ix %= period;
        iy %= period;
        var a = Noise.Hash01(ix, iy, 300 + seed);
        var b = Noise.Hash01(x1, iy, 300 + seed);
        var c = Noise.Hash01(ix, y1, 300 + seed);
        var d = Noise.Hash01(x1, y1, 300 + seed);
        var top = a + (b - a) * tx;
        return top + (c + (d - c) * tx - top) * ty;
    }
}
