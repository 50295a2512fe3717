using System.Buffers;
using System.Runtime.InteropServices;
using Sora.Inference.World;
using Sora.Inference.World.Rendering;
using Sora.Inference.World.Sound;

namespace Sora.Inference.Tests.World.Engine;

/// <summary>Chunks given back with <see cref="MediaChunk.Release"/>: their buffers carry later chunks, byte for byte as new memory would.</summary>
public class ReleasedChunkTests
{
    // 12-frame chunks after a 4-frame one: two sizes of buffer, so both pool buckets are exercised.
    private static readonly GenerationRequest Request =
        new("a dog runs to a red ball and kicks it at sunset in the rain", Seconds: 2, Width: 96, Height: 64, Fps: 24, Seed: 11)
        {
            ChunkFrames = 12,
            FirstChunkFrames = 4,
        };

    private static WorldEngine Engine(ArrayPool<byte>? pool = null) => new(new RasterRenderer(), new EventSoundSynthesizer(), pool);

    [Fact]
    public async Task Frames_drawn_into_used_buffers_are_those_drawn_into_new_memory()
    {
        var fresh = new List<byte[]>();
        await foreach (var chunk in Engine(ArrayPool<byte>.Create(1 << 24, 8)).GenerateAsync(Request)) fresh.Add(chunk.Rgb24.ToArray());

        // A pool holding only scribbled-over arrays of both sizes, and every chunk scribbled over before it goes back.
        var pool = ArrayPool<byte>.Create(1 << 24, 8);
        Scribble(pool, 96 * 64 * 3 * 4);
        Scribble(pool, 96 * 64 * 3 * 12);
        var reused = new List<byte[]>();
        var arrays = new HashSet<byte[]>(ReferenceEqualityComparer.Instance);
        await foreach (var chunk in Engine(pool).GenerateAsync(Request))
        {
            reused.Add(chunk.Rgb24.ToArray());
            Assert.True(MemoryMarshal.TryGetArray(chunk.Rgb24, out var segment));
            arrays.Add(segment.Array!);
            MemoryMarshal.AsMemory(chunk.Rgb24).Span.Fill(0xA5);
            chunk.Release();
        }

        Assert.Equal(fresh.Count, reused.Count);
        for (var i = 0; i < fresh.Count; i++) Assert.True(fresh[i].AsSpan().SequenceEqual(reused[i]), $"chunk {i} differs");
        Assert.Equal(2, arrays.Count); // one per size: each chunk went back and the next of its size came out of it
    }

    [Fact]
    public async Task Releasing_twice_or_releasing_a_copy_gives_the_buffer_back_once()
    {
        var pool = new CountingPool();
        await foreach (var chunk in Engine(pool).GenerateAsync(Request with { Seconds = 0.5 }))
        {
            var copy = chunk with { };
            copy.Release();
            chunk.Release();
            chunk.Release();
        }

        Assert.Equal(2, pool.Rented); // frames 0-3, then 4-11
        Assert.Equal(2, pool.Returned);
    }

    private static void Scribble(ArrayPool<byte> pool, int length)
    {
        var array = pool.Rent(length);
        array.AsSpan().Fill(0x5A);
        pool.Return(array);
    }

    private sealed class CountingPool : ArrayPool<byte>
    {
        public int Rented { get; private set; }
        public int Returned { get; private set; }

        public override byte[] Rent(int minimumLength)
        {
            Rented++;
            return new byte[minimumLength];
        }

        public override void Return(byte[] array, bool clearArray = false) => Returned++;
    }
}
