using Sora.Inference.World.Planning;

namespace Sora.Inference;

/// <summary>Everything that fixes one generated video: same request and seed give bit-identical output.</summary>
public sealed record GenerationRequest(
    string Prompt,
    double Seconds = 5,
    int Width = 854,
    int Height = 480,
    int Fps = 24,
    long Seed = 0,
    string? Style = null)
{
    /// <summary>An edited plan to render instead of planning from the prompt.</summary>
    public ScenePlan? Plan { get; init; }

    /// <summary>Frames per chunk; small chunks make the first one arrive early.</summary>
    public int ChunkFrames { get; init; } = 6;

    public int FrameCount => Math.Max(1, (int)Math.Round(Seconds * Fps));
}
