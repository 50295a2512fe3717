using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Sora.Inference.World;
using Sora.Inference.World.Rendering;
using Sora.Inference.World.Sound;

namespace Sora.Inference.Tests.World.Engine;

/// <summary>A server draws job after job with the same renderer: nothing a renderer drew before shows in what it draws next.</summary>
public class ReusedRendererTests
{
    private static readonly GenerationRequest Next =
        new("a dog runs to a red ball and kicks it, a glass falls", Seconds: 1, Width: 96, Height: 64, Fps: 24, Seed: 5) { ChunkFrames = 6 };

    [Fact]
    public async Task A_renderer_that_drew_other_scenes_and_sizes_and_a_cancelled_run_draws_the_next_as_a_new_one_would()
    {
        var expected = await HashAsync(new RasterRenderer(), Next);

        var used = new RasterRenderer();
        await HashAsync(used, new GenerationRequest("a paper boat floats on a pond at night in the rain", 1, 128, 72, 24, Seed: 9) { ChunkFrames = 6 });
        using (var stop = new CancellationTokenSource())
        {
            // Cancelled as a job is: after its first chunk, most likely while its long second chunk is being drawn (the
            // renderer stops between frames); the check below must hold wherever it stopped.
            var cancelled = new GenerationRequest("a car drives through the desert at noon", 4, 320, 180, 24, Seed: 3) { FirstChunkFrames = 6, ChunkFrames = 90 };
            try
            {
                await foreach (var chunk in Engine(used).GenerateAsync(cancelled, stop.Token))
                {
                    chunk.Release();
                    stop.CancelAfter(TimeSpan.FromMilliseconds(60));
                }
            }
            catch (OperationCanceledException)
            {
                // How a cancelled job ends (a machine fast enough to finish the chunk first simply ends the run).
            }
        }

        Assert.Equal(expected, await HashAsync(used, Next));
    }

    private static WorldEngine Engine(RasterRenderer renderer) => new(renderer, new EventSoundSynthesizer());

    private static async Task<string> HashAsync(RasterRenderer renderer, GenerationRequest request)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await foreach (var chunk in Engine(renderer).GenerateAsync(request))
        {
            hash.AppendData(chunk.Rgb24.Span);
            hash.AppendData(MemoryMarshal.AsBytes(chunk.Audio.Span));
            chunk.Release();
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
