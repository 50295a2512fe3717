using System.CommandLine;
using System.Diagnostics;
using Sora.Inference;
using Sora.Bench.Shared;
using Sora.Media.Encoding;
using Sora.Media.Provenance;
using Sora.Silo.Media;

namespace Sora.Bench.World;

/// <summary>
/// <c>sora-bench world</c>: the World engine on this machine: wall time, real-time factor and time to first chunk
/// for a 5 s clip with sound, the engine alone and with marks, H.264/AAC encoding and signing.
/// </summary>
internal static class WorldBench
{
    private const string Prompt = "a dog runs to the lake and jumps in";

    public static Command Create()
    {
        var runs = new Option<int>("--runs") { Description = "Measured runs per row (median reported)", DefaultValueFactory = _ => 3 };
        var seconds = new Option<double>("--seconds") { DefaultValueFactory = _ => 5 };
        var size = new Option<string?>("--size") { Description = "Only this size (WxH); both 854x480 and 1280x720 when absent" };
        var engineOnly = new Option<bool>("--engine-only") { Description = "Skip the marks + encode + sign rows" };
        var command = new Command("world", "World engine speed: real-time factor and time to first chunk, alone and through marks + encode + sign") { runs, seconds, size, engineOnly };
        command.SetAction(async (parsed, ct) =>
        {
            var count = Math.Max(1, parsed.GetValue(runs));
            var length = parsed.GetValue(seconds);
            Console.WriteLine($"world: \"{Prompt}\", {length} s at 24 fps with audio, {Environment.ProcessorCount} cores, median of {count} runs");
            Console.WriteLine($"{"size",-10} {"path",-28} {"first chunk (s)",16} {"wall (s)",9} {"× real time",12} {"CPU (s)",8}");
            var keys = Directory.CreateTempSubdirectory("sora-bench-world-").FullName;
            using var credentials = SigningCredentials.LoadOrCreate(keys);
            (int, int)[] sizes = [(854, 480), (1280, 720)];
            if (parsed.GetValue(size) is { } only)
            {
                if (!Sora.Abstractions.Generation.FrameSize.TryParse(only, out var w, out var h))
                {
                    Console.Error.WriteLine($"sora bench world: --size {only} is not WIDTHxHEIGHT");
                    return 2;
                }
                sizes = [(w, h)];
            }
            foreach (var (width, height) in sizes)
            {
                var request = new GenerationRequest(Prompt, length, width, height, 24, Seed: 1) { ChunkFrames = 12 };
                await EngineTiming.RunAsync(request, ct); // warm-up
                Report(width, height, "engine (frames + sound)", length, await MeasureAsync(count, () => EngineTiming.RunAsync(request, ct)));
                if (!parsed.GetValue(engineOnly))
                    Report(width, height, "+ marks, encode, C2PA sign", length, await MeasureAsync(count, () => ThroughProvenanceAsync(request, credentials, keys, ct)));
            }
            Directory.Delete(keys, recursive: true);
            return 0;
        });
        return command;
    }

    private static void Report(int width, int height, string path, double seconds, List<(double First, double Wall, double Cpu)> results)
    {
        var first = EngineTiming.Median(results.Select(r => r.First));
        var wall = EngineTiming.Median(results.Select(r => r.Wall));
        // CPU time is the fairer figure when other work shares the cores: wall ≈ CPU / cores on an idle machine.
        Console.WriteLine($"{width + "x" + height,-10} {path,-28} {first,16:F3} {wall,9:F2} {seconds / wall,12:F2} {EngineTiming.Median(results.Select(r => r.Cpu)),8:F2}");
    }

    private static async Task<List<(double, double, double)>> MeasureAsync(int count, Func<Task<(double, double)>> run)
    {
        var results = new List<(double, double, double)>();
        for (var i = 0; i < count; i++)
        {
            var cpu = CpuTime.WithChildren();
            var (first, wall) = await run();
            results.Add((first, wall, (CpuTime.WithChildren() - cpu).TotalSeconds));
        }
        return results;
    }

    private static async Task<(double First, double Wall)> ThroughProvenanceAsync(GenerationRequest request, SigningCredentials credentials, string folder, CancellationToken ct)
    {
        var engine = EngineTiming.CreateEngine();
        var output = Path.Combine(folder, "bench.mp4");
        var clock = Stopwatch.StartNew();
        double first = -1;
        var provenance = new ProvenanceRequest("bench", 1, "bench", request.Width, request.Height, request.Fps, new ManifestDefinition
        {
            Title = "sora-bench world",
            Generation = new GenerationInfo("sora-world", "bench", request.Seed, "none"),
        });
        await new ProvenanceWriter(credentials).WriteAsync(engine.GenerateAsync(request, ct).AsFrameChunks(ct), provenance, output, (_, _) =>
        {
            if (first < 0) first = clock.Elapsed.TotalSeconds;
            return ValueTask.CompletedTask;
        }, ct);
        return (first, clock.Elapsed.TotalSeconds);
    }

}
