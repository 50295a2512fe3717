using Sora.Abstractions.Errors;
using Sora.Abstractions.Videos;

namespace Sora.Grains.Videos;

/// <summary>What may be written about a video.</summary>
public static class VideoRules
{
    public static string Prompt(string? prompt) => Text(prompt, "prompt", VideoLimits.MaxPromptLength, required: true)!;

    public static string? Caption(string? caption) => Text(caption, "caption", VideoLimits.MaxCaptionLength, required: false);

    public static string CommentText(string? text) => Text(text, "text", VideoLimits.MaxCommentLength, required: true)!;

    public static string Reason(string? reason) => Text(reason, "reason", VideoLimits.MaxReasonLength, required: true)!;

    private static string? Text(string? value, string field, int max, bool required)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            return required ? throw DomainException.BadInput(field, $"{field} must not be empty") : null;
        if (trimmed.Length > max) throw DomainException.BadInput(field, $"{field} must be at most {max} characters");
        return trimmed;
    }
}
