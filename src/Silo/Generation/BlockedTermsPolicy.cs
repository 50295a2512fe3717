using System.Globalization;
using Sora.Grains.Generation;

namespace Sora.Silo.Generation;

/// <summary>
/// Refuses prompts that contain a term of the operator's list: one term per line, <c>#</c> starts a comment,
/// matched case- and accent-insensitively on word boundaries. No file: everything is allowed.
/// </summary>
public sealed class BlockedTermsPolicy : IPromptPolicy
{
    private readonly IReadOnlyList<string> _terms;

    public BlockedTermsPolicy(IEnumerable<string> terms) =>
        _terms = terms.Select(t => t.Trim()).Where(t => t.Length > 0 && !t.StartsWith('#')).Select(Normalize).Distinct().ToList();

    public static BlockedTermsPolicy FromFile(string? path) =>
        new(path is not null && File.Exists(path) ? File.ReadAllLines(path) : []);

    public string? FindViolation(string prompt)
    {
        var text = $" {Normalize(prompt)} ";
        return _terms.FirstOrDefault(term => text.Contains($" {term} ", StringComparison.Ordinal));
    }

    private static string Normalize(string text)
    {
        var letters = text.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            .Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ')
            .ToArray();
        return string.Join(' ', new string(letters).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
