namespace Sora.Media.Encoding;

/// <summary>
/// How <see cref="Mp4Encoder"/> and <see cref="FragmentedMp4Encoder"/> encode: H.264 (libx264, yuv420p) and AAC. The
/// defaults are what <c>sora generate</c> and the server both use.
/// </summary>
/// <remarks>
/// The engine keeps every core busy while the encoder runs, so the encoder's CPU time is the pipeline's. x264's ultrafast
/// preset with CABAC and the deblocking filter turned back on, at CRF 18, gives the size and quality of superfast at
/// CRF 20 (`sora-bench encode`, 5 s at 854×480: SSIM 0.9923 vs 0.9926, PSNR 50.45 vs 50.12 dB, 1,554 vs 1,580 KiB)
/// for about a quarter less of ffmpeg's CPU time, and superfast took half of veryfast's.
/// </remarks>
public sealed record Mp4EncodeSettings(int Width, int Height, int Fps)
{
    public int Crf { get; init; } = 18;
    public string Preset { get; init; } = "ultrafast";

    /// <summary>Options for libx264 on top of the preset (<c>key=value:key=value</c>), or null for the preset alone.</summary>
    public string? X264Params { get; init; } = "cabac=1:deblock=0,0";
    public int AudioKilobitsPerSecond { get; init; } = 160;
}
