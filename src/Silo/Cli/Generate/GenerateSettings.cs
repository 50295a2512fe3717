using Sora.Abstractions.Generation;
using Sora.Grains.Generation;
using Sora.Inference.World;
using Sora.Inference.World.Planning;

namespace Sora.Silo.Cli.Generate;

/// <summary>The checked options of one <c>sora generate</c> run; <see cref="Parse"/> turns bad flags into one clear line.</summary>
public sealed record GenerateSettings(
    string Prompt,
    string? OutFile,
    double Seconds,
    int Width,
    int Height,
    int Fps,
    long Seed,
    string? Style,
    string DataDirectory,
    string? PlanFile,
    string? PlanOutFile,
    string? TraceOutFile,
    string? ContactSheetFile,
    string Handle)
{
    /// <summary>Which engine makes the video; ONNX also needs <see cref="OnnxModel"/>.</summary>
    public EngineKind Engine { get; init; } = EngineKind.World;

    /// <summary>The ONNX model folder (docs/onnx-engine.md).</summary>
    public string? OnnxModel { get; init; }

    public static GenerateSettings Parse(string? prompt, string? outFile, double seconds, string size, int fps, long seed, string? style,
        string data, string? planFile, string? planOut, string? traceOut, string? contactSheet, string handle, string engine = "world", string? onnxModel = null)
    {
        var kind = ParseEngine(engine, onnxModel, outFile, planFile, planOut, traceOut, contactSheet);
        prompt ??= "";
        if (planFile is null && string.IsNullOrWhiteSpace(prompt)) throw new GenerateUsageException("--prompt is empty; describe the scene, e.g. --prompt \"a dog runs to the lake and jumps in\"");
        if (prompt.Length > GenerationRules.MaxPromptLength) throw new GenerateUsageException($"--prompt has {prompt.Length} characters; at most {GenerationRules.MaxPromptLength} are allowed");
        if (double.IsNaN(seconds) || seconds < GenerationRules.MinSeconds || seconds > GenerationRules.MaxSeconds)
            throw new GenerateUsageException($"--seconds {seconds} must be between {GenerationRules.MinSeconds} and {GenerationRules.MaxSeconds}");
        var (width, height) = ParseSize(size);
        if (!GenerationRules.FrameRates.Contains(fps)) throw new GenerateUsageException($"--fps {fps} must be one of {string.Join(", ", GenerationRules.FrameRates)}");
        string? normalizedStyle = null;
        if (style is not null)
        {
            try { normalizedStyle = Styles.Normalize(style); }
            catch (PlanValidationException) { throw new GenerateUsageException($"--style '{style}' is unknown; use one of {string.Join(", ", Catalog.Styles)}"); }
        }
        if (outFile is null && planOut is null && contactSheet is null)
            throw new GenerateUsageException("nothing to write: give --out FILE.mp4, --plan-out plan.json or --contact-sheet sheet.png");
        if (traceOut is not null && outFile is null) throw new GenerateUsageException("--trace-out needs --out (the trace is recorded while the video is made)");
        if (planFile is not null && !File.Exists(planFile)) throw new GenerateUsageException($"--plan {planFile}: no such file");
        // The same rule as sign-up, so the visible mark can always draw it.
        try { handle = Sora.Abstractions.Users.Handle.Normalize(handle.TrimStart('@'), "--handle"); }
        catch (Sora.Abstractions.Errors.DomainException e) { throw new GenerateUsageException(e.Message); }
        return new GenerateSettings(prompt, outFile, seconds, width, height, fps, seed, normalizedStyle, data, planFile, planOut, traceOut, contactSheet, handle)
        {
            Engine = kind,
            OnnxModel = onnxModel is null ? null : Path.GetFullPath(onnxModel),
        };
    }

    private static EngineKind ParseEngine(string engine, string? onnxModel, string? outFile, params string?[] worldOnlyFiles)
    {
        if (!Enum.TryParse<EngineKind>(engine, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(engine, out _))
            throw new GenerateUsageException($"--engine {engine} is unknown; use world or onnx");
        if (kind == EngineKind.World)
        {
            if (onnxModel is not null) throw new GenerateUsageException("--onnx-model is used with --engine onnx");
            return kind;
        }
        if (onnxModel is null) throw new GenerateUsageException("--engine onnx needs --onnx-model FOLDER (see docs/onnx-engine.md)");
        if (worldOnlyFiles.Any(file => file is not null))
            throw new GenerateUsageException("--plan, --plan-out, --trace-out and --contact-sheet belong to the World engine; --engine onnx makes only --out");
        if (outFile is null) throw new GenerateUsageException("nothing to write: give --out FILE.mp4");
        try { Sora.Inference.Onnx.OnnxModelContract.CheckFolder(Path.GetFullPath(onnxModel)); }
        catch (Sora.Inference.Onnx.OnnxModelException e) { throw new GenerateUsageException($"--onnx-model: {e.Message}"); }
        return kind;
    }

    private static (int Width, int Height) ParseSize(string size)
    {
        var allowed = string.Join(", ", GenerationRules.Sizes.Select(s => $"{s.Width}x{s.Height}"));
        if (Sora.Abstractions.Generation.FrameSize.TryParse(size.ToLowerInvariant(), out var width, out var height) && GenerationRules.Sizes.Contains((width, height)))
            return (width, height);
        throw new GenerateUsageException($"--size {size} is not offered; use one of {allowed}");
    }
}

/// <summary>A flag the user must change; printed as one line, exit code 2.</summary>
public sealed class GenerateUsageException(string message) : Exception(message);
