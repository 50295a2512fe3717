namespace Sora.Media.Encoding;

/// <summary>How <see cref="Mp4Encoder"/> encodes: H.264 (libx264, yuv420p) and AAC in a faststart MP4.</summary>
public sealed record Mp4EncodeSettings(int Width, int Height, int Fps)
{
    public int Crf { get; init; } = 20;
    public string Preset { get; init; } = "veryfast";

    /// <summary>Options for libx264 on top of the preset (<c>key=value:key=value</c>), or null for the preset alone.</summary>
    public string? X264Params { get; init; }
    public int AudioKilobitsPerSecond { get; init; } = 160;
}
