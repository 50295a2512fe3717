namespace Sora.Abstractions.Videos;

/// <summary>Sizes of what people write about videos.</summary>
public static class VideoLimits
{
    public const int MaxPromptLength = 2_000;
    public const int MaxCaptionLength = 500;
    public const int MaxCommentLength = 1_000;
    public const int MaxReasonLength = 500;
    public const int MaxPageSize = 100;
}
