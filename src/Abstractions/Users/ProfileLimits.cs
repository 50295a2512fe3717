namespace Sora.Abstractions.Users;

/// <summary>Sizes of the fields of an account.</summary>
public static class ProfileLimits
{
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 256;
    public const int MaxDisplayNameLength = 50;
    public const int MaxBioLength = 300;
}
