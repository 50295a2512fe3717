using System.Diagnostics;
using Sora.Inference;
using Sora.Inference.World;
using Sora.Inference.World.Rendering;
using Sora.Inference.World.Sound;

namespace Sora.Bench.Shared;

/// <summary>The World engine timed alone (frames and sound, nothing after), and the median the benches report.</summary>
internal static class EngineTiming
{
    // As a server draws its jobs (EngineCatalog): with a renderer kept from run to run, and a new sound synthesizer each
    // time. The benches run one engine at a time.
    private static readonly RasterRenderer Renderer = new();

    public static WorldEngine CreateEngine() => new(Renderer, new EventSoundSynthesizer());

    /// <summary>Seconds to the first chunk and to the last.</summary>
    public static async Task<(double First, double Wall)> RunAsync(GenerationRequest request, CancellationToken ct)
    {
        var engine = CreateEngine();
        var clock = Stopwatch.StartNew();
        double first = -1;
        await foreach (var chunk in engine.GenerateAsync(request, ct))
        {
            if (first < 0) first = clock.Elapsed.TotalSeconds;
            chunk.Release(); // as any consumer done with a chunk does: the engine draws the next ones into its buffer
        }
        return (first, clock.Elapsed.TotalSeconds);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
