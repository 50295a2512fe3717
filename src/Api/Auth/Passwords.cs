using Microsoft.AspNetCore.Identity;
using Sora.Abstractions.Errors;
using Sora.Abstractions.Users;

namespace Sora.Api.Auth;

/// <summary>Password rules and PBKDF2 hashing through ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>.</summary>
public sealed class Passwords
{
    private static readonly object Account = new();
    private readonly PasswordHasher<object> _hasher = new();
    private readonly Lazy<string> _decoy;

    public Passwords() => _decoy = new(() => _hasher.HashPassword(Account, "decoy password, never used"));

    public string Hash(string password)
    {
        if (password.Length < ProfileLimits.MinPasswordLength)
            throw DomainException.BadInput("password", $"password must be at least {ProfileLimits.MinPasswordLength} characters");
        if (password.Length > ProfileLimits.MaxPasswordLength)
            throw DomainException.BadInput("password", $"password must be at most {ProfileLimits.MaxPasswordLength} characters");
        return _hasher.HashPassword(Account, password);
    }

    public PasswordVerificationResult Verify(string hash, string password) =>
        password.Length > ProfileLimits.MaxPasswordLength
            ? PasswordVerificationResult.Failed
            : _hasher.VerifyHashedPassword(Account, hash, password);

    /// <summary>Spends the time of one verification, so an unknown handle answers as slowly as a wrong password.</summary>
    public void VerifyDecoy(string password) => _hasher.VerifyHashedPassword(Account, _decoy.Value, password);
}
