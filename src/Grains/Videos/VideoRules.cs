using Sora.Abstractions.Errors;
using Sora.Abstractions.Videos;

namespace Sora.Grains.Videos;

/// <summary>What may be written about a video.</summary>
public static class VideoRules
{
    /// <summary>A draft's prompt, already held to the generation rules (GenerationRules) before any work was done for it.</summary>
    public static string Prompt(string? prompt) => Text(prompt, "prompt", VideoLimits.MaxPromptLength, required: true, lineBreaks: null)!;

    public static string? Caption(string? caption) => Text(caption, "caption", VideoLimits.MaxCaptionLength, required: false, lineBreaks: false);

    public static string CommentText(string? text) => Text(text, "text", VideoLimits.MaxCommentLength, required: true, lineBreaks: true)!;

    public static string Reason(string? reason) => Text(reason, "reason", VideoLimits.MaxReasonLength, required: true, lineBreaks: true)!;

    /// <param name="lineBreaks">Whether the text has lines (see <see cref="FreeText"/>); null: not checked here.</param>
    private static string? Text(string? value, string field, int max, bool required, bool? lineBreaks)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            return required ? throw DomainException.BadInput(field, $"{field} must not be empty") : null;
        if (trimmed.Length > max) throw DomainException.BadInput(field, $"{field} must be at most {max} characters");
        return lineBreaks is { } lines ? FreeText.Checked(trimmed, field, lines) : trimmed;
    }
}
