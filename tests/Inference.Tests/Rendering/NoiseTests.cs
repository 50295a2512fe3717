using System.Numerics;
using Sora.Inference.World.Rendering;

namespace Sora.Inference.Tests.Rendering;

public sealed class NoiseTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(479, 17)]
    [InlineData(-3, int.MaxValue)]
    public void A_row_of_hashes_at_once_equals_the_hashes_one_by_one(int y, int seed)
    {
        for (var first = 0; first < 1280; first += Vector<uint>.Count)
        {
            var row = Noise.Hash01(Vector<uint>.Indices + new Vector<uint>((uint)first), y, seed);
            for (var lane = 0; lane < Vector<uint>.Count; lane++)
                Assert.Equal(Noise.Hash01(first + lane, y, seed), row[lane]);
        }
    }
}
