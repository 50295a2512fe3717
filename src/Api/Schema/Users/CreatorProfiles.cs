using System.Collections.Concurrent;
using Sora.Abstractions.Users;

namespace Sora.Api.Schema.Users;

/// <summary>
/// Public profiles as nested fields show them (a video's creator, a comment's author), kept for up to
/// <see cref="MaxAge"/>, so a feed page of twenty videos does not ask twenty user grains on every request.
/// A profile read here may lag its counts or display name by that much; asking for a person directly
/// (<c>me</c>, <c>user</c>) always reads the grain.
/// </summary>
public sealed class CreatorProfiles(IGrainFactory grains, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<UserId, (UserProfile Profile, DateTimeOffset At)> _profiles = new();

    /// <summary>The profile, or null when no account has this id.</summary>
    public async ValueTask<UserProfile?> GetAsync(UserId user)
    {
        var now = clock.GetUtcNow();
        if (_profiles.TryGetValue(user, out var entry) && now - entry.At < MaxAge) return entry.Profile;

        var profile = await grains.GetGrain<IUserGrain>(user.Value).GetProfileAsync();
        if (profile is null) return null;
        if (_profiles.Count >= MaxEntries) _profiles.Clear();
        _profiles[user] = (profile, now);
        return profile;
    }
}
