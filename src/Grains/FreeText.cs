using Sora.Abstractions.Errors;

namespace Sora.Grains;

/// <summary>
/// What words people write for others to read may hold: no control characters (a NUL, an escape sequence that repaints a
/// terminal, a bell), line breaks only where the text has lines.
/// </summary>
public static class FreeText
{
    public static void RefuseControlCharacters(string value, string field, bool lineBreaks)
    {
        foreach (var c in value)
            if (char.IsControl(c) && !(lineBreaks && c == '\n'))
                throw DomainException.BadInput(field, lineBreaks
                    ? $"{field} may not contain control characters (line breaks are fine)"
                    : $"{field} may not contain control characters or line breaks");
    }
}
