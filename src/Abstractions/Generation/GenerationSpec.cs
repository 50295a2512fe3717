namespace Sora.Abstractions.Generation;

[GenerateSerializer, Alias("Sora.EngineKind")]
public enum EngineKind
{
    /// <summary>The CPU world simulator: runs on any device.</summary>
    World = 0,
    /// <summary>The ONNX diffusion pipeline: GPUs, and CPU slots of silos started with --onnx-cpu.</summary>
    Onnx = 1,
}

/// <summary>What a user asked to generate. Validated by the generation grain that owns the job.</summary>
[GenerateSerializer, Immutable, Alias("Sora.GenerationSpec")]
public sealed record GenerationSpec(
    [property: Id(0)] string OwnerId,
    [property: Id(1)] string Prompt,
    [property: Id(2)] double Seconds,
    [property: Id(3)] int Width,
    [property: Id(4)] int Height,
    [property: Id(5)] long Seed)
{
    [Id(6)] public int Fps { get; init; } = 24;
    [Id(7)] public string? Style { get; init; }
    [Id(8)] public EngineKind Engine { get; init; } = EngineKind.World;
    [Id(9)] public IReadOnlyList<string> CameoIds { get; init; } = [];
    [Id(10)] public string? RemixOf { get; init; }
    /// <summary>The creator's handle, drawn into the visible watermark.</summary>
    [Id(11)] public string OwnerHandle { get; init; } = "";
    /// <summary>Whether the signed manifest may carry the prompt text (private unless the creator says so).</summary>
    [Id(12)] public bool SharePrompt { get; init; }
}
