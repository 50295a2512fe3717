using Sora.Abstractions.Errors;
using Sora.Abstractions.Generation;

namespace Sora.Grains.Generation;

/// <summary>The limits of a generation request; each broken one names its field.</summary>
public static class GenerationRules
{
    public const int MaxPromptLength = 2000;
    public const double MinSeconds = 1, MaxSeconds = 20;
    public const int MaxRunningPerUser = 2;

    public static readonly IReadOnlyList<(int Width, int Height)> Sizes =
        [(640, 360), (854, 480), (1280, 720), (360, 640), (480, 854), (720, 1280), (480, 480), (720, 720)];

    public static readonly IReadOnlyList<int> FrameRates = [24, 30];

    public static readonly IReadOnlyList<string> Styles =
        ["cinematic", "anime", "cartoon", "claymation", "watercolor", "pixel_art", "noir", "sketch"];

    /// <summary>Why a job of <paramref name="engine"/> cannot be taken: no active device runs it, and how an operator changes that.</summary>
    public static string NoDeviceFor(EngineKind engine) => engine == EngineKind.World
        ? "no node of this Sora makes videos now: every node has --cpu-slots 0 and no GPU, or lacks ffmpeg (see its start-up log); " +
          "an operator starts one that has both"
        : $"no node of this Sora runs the {engine} engine now: an operator starts a node that has a GPU with --onnx-model FOLDER " +
          "(or, for small models, adds --onnx-cpu to run it on CPU slots); see docs/onnx-engine.md";

    public static void Validate(GenerationSpec spec, IPromptPolicy policy)
    {
        if (string.IsNullOrWhiteSpace(spec.Prompt))
            throw DomainException.BadInput("prompt", "the prompt is empty");
        if (spec.Prompt.Length > MaxPromptLength)
            throw DomainException.BadInput("prompt", $"the prompt has {spec.Prompt.Length} characters; at most {MaxPromptLength} are allowed");
        if (spec.Prompt.Any(c => char.IsControl(c) && c != '\n'))
            throw DomainException.BadInput("prompt", "the prompt contains control characters");
        if (double.IsNaN(spec.Seconds) || spec.Seconds < MinSeconds || spec.Seconds > MaxSeconds)
            throw DomainException.BadInput("seconds", $"seconds must be between {MinSeconds} and {MaxSeconds}");
        if (!Sizes.Contains((spec.Width, spec.Height)))
            throw DomainException.BadInput("size", $"size must be one of {string.Join(", ", Sizes.Select(s => $"{s.Width}x{s.Height}"))}");
        if (!FrameRates.Contains(spec.Fps))
            throw DomainException.BadInput("fps", "fps must be 24 or 30");
        if (spec.Style is { } style && !Styles.Contains(style))
            throw DomainException.BadInput("style", $"style must be one of {string.Join(", ", Styles)}");
        if (spec.CameoIds.Count > 0)
            throw new DomainException(ErrorCodes.ConsentRequired, "cameos need their owners' consent, which this server cannot record yet", "cameoIds");
        if (policy.FindViolation(spec.Prompt) is { } term)
            throw new DomainException(ErrorCodes.PolicyViolation, $"the prompt contains a blocked term (\"{term}\")", "prompt");
    }
}
