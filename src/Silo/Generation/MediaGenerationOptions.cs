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

    /// <summary>
    /// x264 preset of the server's encoder. The engine already keeps every core busy, so encoding competes with it
    /// (<c>sora generate</c> keeps veryfast at CRF 20: a quarter smaller files at 1.1 dB less PSNR, for half again the CPU).
    /// With <see cref="EncoderX264Params"/> (CABAC and the deblocking filter back on) and CRF 18 it matches superfast at
    /// CRF 20 in size and quality (`sora-bench encode`, 5 s at 480p: SSIM 0.9923 vs 0.9926, PSNR 50.45 vs 50.12 dB,
    /// 1,554 vs 1,580 KiB) for about a quarter less of ffmpeg's CPU time.
    /// </summary>
    public string EncoderPreset { get; init; } = "ultrafast";

    /// <summary>x264 constant rate factor of the server's encoder.</summary>
    public int EncoderCrf { get; init; } = 18;

    /// <summary>
    /// libx264 options on top of <see cref="EncoderPreset"/>, or null for the preset alone. One thread: the engine keeps
    /// every core busy anyway, and x264's sliced threads only add synchronisation (5 s at 480p from raw frames: ffmpeg CPU
    /// 0.71 → 0.60 s, 0.83 → 0.78 s, medians of 5, interleaved); a frame still takes it only a few milliseconds.
    /// </summary>
    public string? EncoderX264Params { get; init; } = "cabac=1:deblock=0,0:threads=1";
}
