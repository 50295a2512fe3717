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

    /// <summary>
    /// Frames in the first chunk when it should differ from <see cref="ChunkFrames"/> (0: the same): a short first
    /// chunk reaches a live viewer sooner. Engines whose chunks follow their own structure (the ONNX engine decodes
    /// whole latent frames) may ignore it.
    /// </summary>
    public int FirstChunkFrames { get; init; }

    /// <summary>The frame count of the chunk that starts at frame <paramref name="first"/> (the last may be cut short by the video's end).</summary>
    public int ChunkFramesFrom(int first)
    {
        var size = first == 0 && FirstChunkFrames > 0 ? FirstChunkFrames : Math.Max(1, ChunkFrames);
        return Math.Min(size, FrameCount - first);
    }

    public int FrameCount => Math.Max(1, (int)Math.Round(Seconds * Fps));
}
