namespace Sora.Abstractions.Users;

/// <summary>
/// Counts sign-in attempts for one key (<c>handle/NAME</c> or <c>address/IP</c>) in a sliding window,
/// cluster-wide. Not persisted: a restart forgives.
/// </summary>
[Alias("Sora.ISignInThrottleGrain")]
public interface ISignInThrottleGrain : IGrainWithStringKey
{
    /// <summary>Records an attempt; false (recording nothing) when <paramref name="limit"/> attempts were made within <paramref name="window"/>.</summary>
    [Alias("TryAttempt")]
    Task<bool> TryAttemptAsync(int limit, TimeSpan window);
}
