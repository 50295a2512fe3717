using Sora.Abstractions.Errors;

namespace Sora.Grains;

/// <summary>
/// What words people write for others to read may hold: no control characters (a NUL, an escape sequence that repaints a
/// terminal, a bell) and no bidirectional overrides (they make a name read as another), line breaks only where the text
/// has lines. Windows line breaks and Unicode line separators become plain ones, tabs spaces.
/// </summary>
public static class FreeText
{
    /// <summary><paramref name="value"/> with its line breaks and tabs made plain; refused if it holds what it may not.</summary>
    public static string Checked(string value, string field, bool lineBreaks)
    {
        var plain = value.Replace("\r\n", "\n").Replace('\r', '\n').Replace('\u2028', '\n').Replace('\u2029', '\n').Replace('\t', ' ');
        foreach (var c in plain)
        {
            if (c == '\n' && !lineBreaks) throw DomainException.BadInput(field, $"{field} may not contain line breaks");
            if ((char.IsControl(c) && c != '\n') || IsBidiControl(c))
                throw DomainException.BadInput(field, $"{field} may not contain control characters");
        }
        return plain;
    }

    /// <summary>Embeddings, overrides and isolates (U+202A–202E, U+2066–2069).</summary>
    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
