using Orleans.Concurrency;
using Sora.Abstractions.Feeds;

namespace Sora.Abstractions.Users;

/// <summary>
/// One person (key: <see cref="UserId"/>): profile, password hash, the follow and block edges on both
/// sides, and the list of their published videos. Publishing fans out from here into followers' feeds.
/// </summary>
[Alias("Sora.IUserGrain")]
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Creates the account once; the handle must already be claimed for this id.</summary>
    [Alias("Register")]
    Task<UserProfile> RegisterAsync(string handle, string displayName, string passwordHash);

    /// <summary>The profile, or null when no account has this id.</summary>
    [Alias("Profile"), AlwaysInterleave]
    Task<UserProfile?> GetProfileAsync();

    [Alias("PasswordHash"), AlwaysInterleave]
    Task<string?> GetPasswordHashAsync();

    [Alias("ReplacePasswordHash")]
    Task ReplacePasswordHashAsync(string passwordHash);

    [Alias("UpdateProfile")]
    Task<UserProfile> UpdateProfileAsync(ProfileChange change);

    [Alias("RelationshipTo"), AlwaysInterleave]
    Task<Relationship> GetRelationshipAsync(UserId other);

    /// <summary>Whether this person has blocked <paramref name="other"/> (either way round hides them from each other).</summary>
    [Alias("IsBlockedEitherWay"), AlwaysInterleave]
    Task<bool> IsBlockedEitherWayAsync(UserId other);

    [Alias("Follow")]
    Task FollowAsync(UserId target);

    [Alias("Unfollow")]
    Task UnfollowAsync(UserId target);

    [Alias("Block")]
    Task BlockAsync(UserId target);

    [Alias("Unblock")]
    Task UnblockAsync(UserId target);

    [Alias("Following"), AlwaysInterleave]
    Task<IReadOnlyList<UserId>> GetFollowingAsync();

    /// <summary>What the feeds need of this person's graph in one call.</summary>
    [Alias("FeedContext"), AlwaysInterleave]
    Task<FeedContext> GetFeedContextAsync();

    // Called by other user grains, which own the other side of an edge.
    [Alias("AddFollower"), AlwaysInterleave]
    Task AddFollowerAsync(UserId follower);

    [Alias("RemoveFollower"), AlwaysInterleave]
    Task RemoveFollowerAsync(UserId follower);

    [Alias("BlockedBy"), AlwaysInterleave]
    Task BlockedByAsync(UserId blocker);

    [Alias("UnblockedBy"), AlwaysInterleave]
    Task UnblockedByAsync(UserId blocker);

    // Called by this person's video grains.
    [Alias("VideoPublished")]
    Task VideoPublishedAsync(FeedItem item);

    [Alias("VideoWithdrawn")]
    Task VideoWithdrawnAsync(Videos.VideoId video);

    /// <summary>Published videos, newest first, from <paramref name="after"/> (exclusive).</summary>
    [Alias("Videos"), AlwaysInterleave]
    Task<IReadOnlyList<FeedItem>> GetVideosAsync(FeedPosition? after, int max);

    /// <summary>True when the follower count is above the fan-in threshold, so followers read this person's videos at query time.</summary>
    [Alias("IsFanIn"), AlwaysInterleave]
    Task<bool> IsFanInAsync();
}
