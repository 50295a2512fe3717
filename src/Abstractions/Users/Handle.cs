using Sora.Abstractions.Errors;

namespace Sora.Abstractions.Users;

/// <summary>
/// A public name: 3–30 of <c>[a-z0-9_.]</c>, compared case-insensitively; the lower-case form is the key of
/// its <see cref="IHandleRegistryGrain"/>.
/// </summary>
public static class Handle
{
    public const int MinLength = 3;
    public const int MaxLength = 30;

    /// <summary>The canonical form of a valid handle, or a BAD_USER_INPUT naming <paramref name="field"/>.</summary>
    public static string Normalize(string? handle, string field = "handle")
    {
        var lower = (handle ?? "").Trim().ToLowerInvariant();
        if (lower.Length is < MinLength or > MaxLength || !lower.All(IsAllowed))
            throw DomainException.BadInput(field, $"{field} must be {MinLength}–{MaxLength} characters of a–z, 0–9, '_' and '.'");
        return lower;
    }

    private static bool IsAllowed(char c) => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_' or '.';
}
