namespace Sora.Silo.Generation;

/// <summary>How this silo turns a job into media.</summary>
public sealed record MediaGenerationOptions
{
    /// <summary>Local working folder for a job's segments and the file being signed (removed when the job ends).</summary>
    public required string ScratchDirectory { get; init; }

    /// <summary>Frames per engine chunk, and so per preview fragment (half a second at 24 fps).</summary>
    public int FramesPerChunk { get; init; } = 12;

    /// <summary>Frames of the first engine chunk (its fragment has one less): short, so the first preview comes soon after submit.</summary>
    public int FirstChunkFrames { get; init; } = 6;
}
