using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Sora.Inference;
using Sora.Inference.World;
using Sora.Inference.World.Planning;
using Sora.Inference.World.Rendering;
using Sora.Inference.World.Simulation;
using Sora.Inference.World.Sound;
using Sora.Media.Encoding;
using Sora.Media.Provenance;
using Sora.Silo.Media;

namespace Sora.Silo.Cli.Generate;

/// <summary>One <c>sora generate</c>: plan, then any of plan file, contact sheet, and the marked, signed video with its trace.</summary>
public sealed class GenerateRun(GenerateSettings settings, TextWriter output, TextWriter errors)
{
    public const string EngineName = "World";
    public const ushort CliIssuer = 1;

    private readonly WorldEngine engine = new(new RasterRenderer(), new EventSoundSynthesizer());

    public static string EngineVersion => typeof(WorldEngine).Assembly.GetName().Version?.ToString(3) ?? "0.1.0";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var request = await RequestAsync(cancellationToken);
        var plan = engine.PlanFor(request);
        foreach (var warning in plan.Warnings) errors.WriteLine($"sora generate: warning: {warning}");
        if (settings.PlanOutFile is { } planOut)
        {
            await File.WriteAllTextAsync(planOut, ScenePlanJson.Write(plan), cancellationToken);
            output.WriteLine($"plan written to {planOut}");
        }
        if (settings.ContactSheetFile is { } sheet)
        {
            await WriteAtomicallyAsync(sheet, cancellationToken, async (path, ct) =>
                await File.WriteAllBytesAsync(path, await ContactSheet.RenderAsync(engine, request with { Plan = plan, Style = null }, ct), ct));
            output.WriteLine($"contact sheet of {Catalog.Styles.Count} styles written to {sheet}");
        }
        if (settings.OutFile is { } video) await WriteVideoAsync(request with { Plan = plan }, plan, video, cancellationToken);
    }

    private async Task<GenerationRequest> RequestAsync(CancellationToken cancellationToken)
    {
        var request = new GenerationRequest(settings.Prompt, settings.Seconds, settings.Width, settings.Height, settings.Fps, settings.Seed, settings.Style)
        {
            ChunkFrames = settings.Fps, // whole seconds: nothing previews these chunks, so fewer hand-offs
        };
        if (settings.PlanFile is not { } planFile) return request;
        var plan = ScenePlanJson.Read(await File.ReadAllTextAsync(planFile, cancellationToken));
        return request with { Plan = plan, Prompt = string.IsNullOrWhiteSpace(settings.Prompt) ? plan.Prompt : settings.Prompt };
    }

    private async Task WriteVideoAsync(GenerationRequest request, ScenePlan plan, string outFile, CancellationToken cancellationToken)
    {
        using var credentials = SigningCredentials.Load(new SigningKeyOptions { DataDirectory = settings.DataDirectory });
        // The id (and so both marks and the visible mark's path) follows from what is rendered: the same plan, seed, size
        // and handle give the same frames, run after run.
        var videoId = "cli_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{PlanHash(plan)}\n{request.Seed}\n{request.Width}x{request.Height}@{request.Fps}\n{settings.Handle}")))[..32];
        var provenance = new ProvenanceRequest(videoId, CliIssuer, settings.Handle, request.Width, request.Height, request.Fps,
            new ManifestDefinition
            {
                Title = Path.GetFileName(outFile),
                Generation = new GenerationInfo(EngineName, EngineVersion, request.Seed, PlanHash(plan)),
            });
        var trace = settings.TraceOutFile is null ? null : new SimulationTrace();
        var clock = Stopwatch.StartNew();
        ProvenanceResult result;
        try
        {
            result = await GenerateProgress.RunAsync(request.FrameCount, output, progress => new ProvenanceWriter(credentials).WriteAsync(
                Chunks(engine.GenerateAsync(request, trace, cancellationToken).ReadAhead(1, cancellationToken), progress, cancellationToken), provenance, outFile, ct: cancellationToken));
        }
        catch
        {
            File.Delete(outFile);
            throw;
        }
        if (trace is not null && settings.TraceOutFile is { } traceOut) await File.WriteAllTextAsync(traceOut, trace.ToJson(), cancellationToken);
        var wall = clock.Elapsed.TotalSeconds;
        var seconds = result.Frames / (double)request.Fps;
        output.WriteLine($"{outFile}: {result.Frames} frames, {seconds:0.##} s, wall {wall:0.0} s, {seconds / wall:0.00}x real time");
    }

    /// <summary>The engine's chunks as the provenance path takes them (<see cref="MediaChunkFrames.AsFrameChunks"/>), reporting progress.</summary>
    internal static async IAsyncEnumerable<FrameChunk> Chunks(IAsyncEnumerable<MediaChunk> chunks, Action<int> progress,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var chunk in chunks.AsFrameChunks(cancellationToken))
        {
            yield return chunk;
            progress(chunk.FrameCount);
        }
    }

    public static string PlanHash(ScenePlan plan) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ScenePlanJson.Write(plan))));

    private static async Task WriteAtomicallyAsync(string path, CancellationToken cancellationToken, Func<string, CancellationToken, Task> write)
    {
        var partial = path + ".partial";
        try
        {
            await write(partial, cancellationToken);
            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
