namespace Sora.Media.Encoding;

/// <summary>How <see cref="Mp4Encoder"/> encodes: H.264 (libx264, or an NVIDIA GPU's NVENC) and AAC in a faststart MP4.</summary>
public sealed record Mp4EncodeSettings(int Width, int Height, int Fps)
{
    /// <summary>libx264's constant rate factor; with <see cref="NvencGpu"/>, NVENC's constant quality level.</summary>
    public int Crf { get; init; } = 20;

    /// <summary>libx264's preset (NVENC runs at its own fixed choice).</summary>
    public string Preset { get; init; } = "veryfast";

    /// <summary>Options for libx264 on top of the preset (<c>key=value:key=value</c>), or null for the preset alone.</summary>
    public string? X264Params { get; init; }

    /// <summary>
    /// The NVIDIA GPU (0-based) whose hardware encoder makes the video instead of libx264 on the CPU, or null. Not every GPU
    /// has one (data-centre GPUs such as the A100 and H100 do not): <see cref="NvencProbe"/> says whether it works.
    /// </summary>
    public int? NvencGpu { get; init; }

    public int AudioKilobitsPerSecond { get; init; } = 160;
}
