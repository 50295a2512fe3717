using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Sora.Inference.World.Rendering;

/// <summary>Eight table reads at once: one AVX2 gather where the CPU has it, eight loads where it does not.</summary>
internal static unsafe class LaneGather
{
    /// <param name="table">A pinned table; every index must lie inside it.</param>
    public static Vector256<float> Load(float* table, Vector256<int> index)
    {
        if (Avx2.IsSupported) return Avx2.GatherVector256(table, index, 4);
        return Vector256.Create(
            table[index.GetElement(0)], table[index.GetElement(1)], table[index.GetElement(2)], table[index.GetElement(3)],
            table[index.GetElement(4)], table[index.GetElement(5)], table[index.GetElement(6)], table[index.GetElement(7)]);
    }
}
