using System.CommandLine;
using System.Diagnostics;
using Sora.Bench.Shared;
using Sora.Inference;
using Sora.Media.Encoding;
using Sora.Silo.Generation;
using Sora.Silo.Media;

namespace Sora.Bench.Encode;

/// <summary>
/// <c>sora-bench encode</c>: the server's encoder alone (one ffmpeg writing live fMP4 fragments and the final MP4) on
/// frames rendered once beforehand, so its CPU cost shows without the engine competing for the cores.
/// </summary>
internal static class EncodeBench
{
    private const string Prompt = "a dog runs to the lake and jumps in";

    public static Command Create()
    {
        var runs = new Option<int>("--runs") { Description = "Measured runs (median reported)", DefaultValueFactory = _ => 5 };
        var size = new Option<string>("--size") { DefaultValueFactory = _ => "854x480" };
        var preset = new Option<string?>("--preset") { Description = "x264 preset (default: the server's)" };
        var crf = new Option<int?>("--crf") { Description = "x264 constant rate factor (default: the server's)" };
        var x264 = new Option<string?>("--x264-params") { Description = "libx264 options over the preset, key=value:key=value (default: the server's)" };
        var command = new Command("encode", "CPU, wall time, size and quality (SSIM, PSNR) of the server's fMP4 encoder on 5 s of pre-rendered frames") { runs, size, preset, crf, x264 };
        command.SetAction(async (parsed, ct) =>
        {
            if (!Sora.Abstractions.Generation.FrameSize.TryParse(parsed.GetValue(size), out var width, out var height))
            {
                Console.Error.WriteLine($"sora bench encode: --size {parsed.GetValue(size)} is not WIDTHxHEIGHT");
                return 2;
            }
            // Chunks, fragments and preset as the server makes them.
            var server = new MediaGenerationOptions { ScratchDirectory = Path.GetTempPath() };
            var request = new GenerationRequest(Prompt, 5, width, height, 24, Seed: 1) { ChunkFrames = server.FramesPerChunk, FirstChunkFrames = server.FirstChunkFrames };
            var chunks = new List<FrameChunk>();
            await foreach (var chunk in EngineTiming.CreateEngine().GenerateAsync(request, ct))
                chunks.Add(chunk.ToFrameChunk());
            var settings = new Mp4EncodeSettings(width, height, 24)
            {
                Preset = parsed.GetValue(preset) ?? server.EncoderPreset,
                Crf = parsed.GetValue(crf) ?? server.EncoderCrf,
                X264Params = parsed.GetValue(x264) ?? server.EncoderX264Params,
            };
            var folder = Directory.CreateTempSubdirectory("sora-bench-encode-").FullName;
            var final = Path.Combine(folder, "final.mp4");
            var count = Math.Max(1, parsed.GetValue(runs));
            Console.WriteLine($"encode: {chunks.Sum(c => c.FrameCount)} frames of \"{Prompt}\" at {width}x{height}, preset {settings.Preset}{(settings.X264Params is { } p ? " + " + p : "")}, CRF {settings.Crf}, {Environment.ProcessorCount} cores, median of {count} runs");
            await EncodeOnceAsync(chunks, settings, server, final, ct); // warm-up
            var results = new List<(double Wall, double Cpu, double Own, long Bytes)>();
            for (var i = 0; i < count; i++)
            {
                var (cpu, own) = (CpuTime.WithChildren(), Process.GetCurrentProcess().TotalProcessorTime);
                var clock = Stopwatch.StartNew();
                await EncodeOnceAsync(chunks, settings, server, final, ct);
                results.Add((clock.Elapsed.TotalSeconds, (CpuTime.WithChildren() - cpu).TotalSeconds,
                    (Process.GetCurrentProcess().TotalProcessorTime - own).TotalSeconds, new FileInfo(final).Length));
            }
            Console.WriteLine($"wall {EngineTiming.Median(results.Select(r => r.Wall)):F3} s, CPU {EngineTiming.Median(results.Select(r => r.Cpu)):F3} s (this process {EngineTiming.Median(results.Select(r => r.Own)):F3} s, the rest ffmpeg), final MP4 {results[^1].Bytes / 1024} KiB");
            Console.WriteLine($"RGB24 → I420 conversion in this process: {ConversionMilliseconds(chunks, width, height):F3} ms per frame (median of 5 passes)");
            var (ssim, psnr) = await EncodeQuality.MeasureAsync(chunks, final, ct);
            Console.WriteLine($"quality of the final MP4 against the frames fed in: SSIM {ssim:F4}, PSNR {psnr:F2} dB");
            Directory.Delete(folder, recursive: true);
            return 0;
        });
        return command;
    }

    private static double ConversionMilliseconds(IReadOnlyList<FrameChunk> chunks, int width, int height)
    {
        var frames = chunks.Sum(c => c.FrameCount);
        var target = new byte[chunks.Max(c => c.FrameCount) * Yuv420Converter.FrameBytes(width, height)];
        var passes = new List<double>();
        for (var pass = 0; pass < 6; pass++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var chunk in chunks)
                Yuv420Converter.Convert(chunk.Rgb24.Span, width, height, target.AsSpan(0, chunk.FrameCount * Yuv420Converter.FrameBytes(width, height)));
            if (pass > 0) passes.Add(clock.Elapsed.TotalMilliseconds / frames); // the first pass warms up
        }
        return EngineTiming.Median(passes);
    }

    private static Task EncodeOnceAsync(IReadOnlyList<FrameChunk> chunks, Mp4EncodeSettings settings, MediaGenerationOptions server, string final, CancellationToken ct) =>
        FragmentedMp4Encoder.EncodeAsync(chunks.ToAsyncEnumerable(), settings, server.FirstChunkFrames, server.FramesPerChunk, final, (_, _) => ValueTask.CompletedTask, ct);
}
