using Sora.Abstractions.Errors;
using Sora.Abstractions.Videos;

namespace Sora.Grains.Videos;

/// <summary>What may be written about a video.</summary>
public static class VideoRules
{
    public static string Prompt(string? prompt) => Text(prompt, "prompt", VideoLimits.MaxPromptLength, required: true, lineBreaks: true)!;

    public static string? Caption(string? caption) => Text(caption, "caption", VideoLimits.MaxCaptionLength, required: false, lineBreaks: false);

    public static string CommentText(string? text) => Text(text, "text", VideoLimits.MaxCommentLength, required: true, lineBreaks: true)!;

    public static string Reason(string? reason) => Text(reason, "reason", VideoLimits.MaxReasonLength, required: true, lineBreaks: true)!;

    private static string? Text(string? value, string field, int max, bool required, bool lineBreaks)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            return required ? throw DomainException.BadInput(field, $"{field} must not be empty") : null;
        if (trimmed.Length > max) throw DomainException.BadInput(field, $"{field} must be at most {max} characters");
        FreeText.RefuseControlCharacters(trimmed, field, lineBreaks);
        return trimmed;
    }
}
