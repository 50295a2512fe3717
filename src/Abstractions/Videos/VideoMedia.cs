namespace Sora.Abstractions.Videos;

/// <summary>Where the finished, signed file lives (never the bytes themselves).</summary>
[GenerateSerializer, Immutable, Alias("Sora.VideoMedia")]
public sealed record VideoMedia(
    [property: Id(0)] string Url,
    [property: Id(1)] double DurationSeconds,
    [property: Id(2)] int Width,
    [property: Id(3)] int Height)
{
    /// <summary>A still of the video for lists and the player's poster.</summary>
    [Id(4)] public string? PosterUrl { get; init; }
}
