using Microsoft.AspNetCore.Identity;
using Sora.Abstractions.Errors;
using Sora.Abstractions.Users;

namespace Sora.Api.Auth;

/// <summary>Signing up and signing in: handle registry, password hashes, rate limits and tokens.</summary>
public sealed class Accounts(IGrainFactory grains, Passwords passwords, UserTokens tokens, SoraApiOptions options)
{
    private const string WrongCredentials = "Wrong handle or password";

    public async Task<(string Token, UserProfile User)> SignUpAsync(string handle, string password, string displayName)
    {
        var key = Handle.Normalize(handle);
        var hash = passwords.Hash(password);
        var id = UserId.New();
        var registry = grains.GetGrain<IHandleRegistryGrain>(key);
        if (!await registry.ClaimAsync(id))
            throw new DomainException(ErrorCodes.Conflict, $"The handle '{key}' is taken", "handle");
        try
        {
            var profile = await grains.GetGrain<IUserGrain>(id.Value).RegisterAsync(key, displayName, hash);
            return (tokens.Issue(id), profile);
        }
        catch (DomainException)
        {
            await registry.ReleaseAsync(id);
            throw;
        }
    }

    public async Task<(string Token, UserProfile User)> SignInAsync(string handle, string password, string? address)
    {
        var key = Handle.Normalize(handle);
        await ThrottleAsync("address/" + (address ?? "unknown"), options.SignInAttemptsPerAddress);
        await ThrottleAsync("handle/" + key, options.SignInAttemptsPerHandle);

        var id = await grains.GetGrain<IHandleRegistryGrain>(key).ResolveAsync();
        var user = id is { } known ? grains.GetGrain<IUserGrain>(known.Value) : null;
        var hash = user is null ? null : await user.GetPasswordHashAsync();
        if (user is null || hash is null)
        {
            passwords.VerifyDecoy(password);
            throw new DomainException(ErrorCodes.Unauthenticated, WrongCredentials);
        }

        var verdict = passwords.Verify(hash, password);
        if (verdict == PasswordVerificationResult.Failed) throw new DomainException(ErrorCodes.Unauthenticated, WrongCredentials);
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded) await user.ReplacePasswordHashAsync(passwords.Hash(password));
        var profile = await user.GetProfileAsync() ?? throw new DomainException(ErrorCodes.Unauthenticated, WrongCredentials);
        return (tokens.Issue(id!.Value), profile);
    }

    /// <summary>The profile of a handle, or NOT_FOUND.</summary>
    public async Task<UserProfile> FindAsync(string handle, string field = "handle")
    {
        var key = Handle.Normalize(handle, field);
        var id = await grains.GetGrain<IHandleRegistryGrain>(key).ResolveAsync() ?? throw DomainException.NotFound("User");
        return await grains.GetGrain<IUserGrain>(id.Value).GetProfileAsync() ?? throw DomainException.NotFound("User");
    }

    private async Task ThrottleAsync(string key, int limit)
    {
        if (!await grains.GetGrain<ISignInThrottleGrain>(key).TryAttemptAsync(limit, options.SignInWindow))
            throw new DomainException(ErrorCodes.RateLimited, "Too many sign-in attempts; wait a minute and try again");
    }
}
