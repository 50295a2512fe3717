using Sora.Abstractions.Errors;
using Sora.Abstractions.Users;

namespace Sora.Grains.Users;

/// <summary>What a profile's free-text fields may hold.</summary>
public static class ProfileRules
{
    public static string DisplayName(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length is 0 or > ProfileLimits.MaxDisplayNameLength)
            throw DomainException.BadInput("displayName", $"displayName must be 1–{ProfileLimits.MaxDisplayNameLength} characters");
        return FreeText.Checked(trimmed, "displayName", lineBreaks: false);
    }

    public static string Bio(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length > ProfileLimits.MaxBioLength)
            throw DomainException.BadInput("bio", $"bio must be at most {ProfileLimits.MaxBioLength} characters");
        return FreeText.Checked(trimmed, "bio", lineBreaks: true);
    }
}
