using System.CommandLine;
using System.Diagnostics;
using Sora.Bench.Shared;
using Sora.Inference;
using Sora.Inference.Onnx;
using Sora.Inference.Onnx.Devices;
using Sora.Inference.Onnx.Tests.Models;

namespace Sora.Bench.Onnx;

/// <summary>
/// <c>sora-bench onnx</c>: the ONNX engine's time to first chunk and wall time. With <c>--model FOLDER</c> it times that
/// model; without, the tests' tiny model, whose compute is negligible, so the figures are the engine's own cost
/// (noise, sampler, ONNX Runtime calls, frame scaling to the requested size).
/// </summary>
internal static class OnnxBench
{
    private const string Prompt = "a red ball bounces on the beach";

    public static Command Create()
    {
        var model = new Option<string?>("--model") { Description = "Model folder (docs/onnx-engine.md); default: a tiny synthetic model" };
        var device = new Option<string>("--device") { Description = "cpu, or cuda:N", DefaultValueFactory = _ => "cpu" };
        var runs = new Option<int>("--runs") { Description = "Measured runs (median reported)", DefaultValueFactory = _ => 5 };
        var seconds = new Option<double>("--seconds") { DefaultValueFactory = _ => 5 };
        var size = new Option<string>("--size") { DefaultValueFactory = _ => "854x480" };
        var command = new Command("onnx", "Time to first chunk and wall time of the ONNX engine") { model, device, runs, seconds, size };
        command.SetAction(async (parsed, ct) =>
        {
            if (!Sora.Abstractions.Generation.FrameSize.TryParse(parsed.GetValue(size), out var width, out var height))
            {
                Console.Error.WriteLine($"sora bench onnx: --size {parsed.GetValue(size)} is not WIDTHxHEIGHT");
                return 2;
            }
            var execution = parsed.GetValue(device) is { } name && name.StartsWith("cuda:", StringComparison.Ordinal) && int.TryParse(name[5..], out var index)
                ? OnnxExecution.Cuda(index) : OnnxExecution.Cpu;
            var scratch = Directory.CreateTempSubdirectory("sora-bench-onnx-").FullName;
            try
            {
                var folder = parsed.GetValue(model) ?? new TinyVideoModel { Steps = 20 }.WriteTo(scratch);
                var gpus = CudaDeviceProbe.ThisMachine();
                var clock = Stopwatch.StartNew();
                using var loaded = OnnxVideoModel.Load(folder, execution);
                var load = clock.Elapsed.TotalSeconds;
                var request = new GenerationRequest(Prompt, parsed.GetValue(seconds), width, height, 24, Seed: 1) { ChunkFrames = 12 };
                var count = Math.Max(1, parsed.GetValue(runs));
                Console.WriteLine($"onnx: {loaded.Settings.Name} {loaded.Settings.Version} on {execution} ({gpus.Count} GPU(s) found{(gpus.Reason is { } why ? $": {why}" : "")})");
                Console.WriteLine($"      {loaded.Settings.Steps} steps, latents {loaded.Layout.Channels}x{loaded.Layout.Height}x{loaded.Layout.Width}, {request.Seconds} s at {width}x{height}, 24 fps, {Environment.ProcessorCount} cores, {count} runs; load {load:F2} s");

                await TimeAsync(loaded, request, ct); // warm-up
                var results = new List<(double First, double Wall)>();
                for (var i = 0; i < count; i++) results.Add(await TimeAsync(loaded, request with { Seed = i + 2 }, ct));
                var wall = EngineTiming.Median(results.Select(r => r.Wall));
                Console.WriteLine($"{"first chunk (s)",16} {"total (s)",10} {"frames/s",9} {"real-time factor",17}");
                Console.WriteLine($"{EngineTiming.Median(results.Select(r => r.First)),16:F3} {wall,10:F3} {request.FrameCount / wall,9:F1} {request.Seconds / wall,17:F2}");
                return 0;
            }
            catch (OnnxModelException e)
            {
                Console.Error.WriteLine($"sora bench onnx: {e.Message}");
                return 1;
            }
            finally
            {
                Directory.Delete(scratch, recursive: true);
            }
        });
        return command;
    }

    private static async Task<(double First, double Wall)> TimeAsync(OnnxVideoModel model, GenerationRequest request, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        double first = -1;
        await foreach (var _ in new OnnxVideoEngine(model).GenerateAsync(request, ct))
            if (first < 0) first = clock.Elapsed.TotalSeconds;
        return (first, clock.Elapsed.TotalSeconds);
    }
}
