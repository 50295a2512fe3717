namespace Sora.Abstractions.Users;

/// <summary>What anyone may see of a person.</summary>
[GenerateSerializer, Immutable, Alias("Sora.UserProfile")]
public sealed record UserProfile(
    [property: Id(0)] UserId Id,
    [property: Id(1)] string Handle,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] string Bio,
    [property: Id(4)] bool AllowRemixes,
    [property: Id(5)] int FollowerCount,
    [property: Id(6)] int FollowingCount,
    [property: Id(7)] int VideoCount,
    [property: Id(8)] DateTimeOffset CreatedAt);

/// <summary>A change to one's own profile; null leaves a field as it is.</summary>
[GenerateSerializer, Immutable, Alias("Sora.ProfileChange")]
public sealed record ProfileChange(
    [property: Id(0)] string? DisplayName,
    [property: Id(1)] string? Bio,
    [property: Id(2)] bool? AllowRemixes);

/// <summary>How a viewer stands to a person.</summary>
[GenerateSerializer, Immutable, Alias("Sora.Relationship")]
public sealed record Relationship(
    [property: Id(0)] bool Follows,
    [property: Id(1)] bool FollowedBy,
    [property: Id(2)] bool Blocks,
    [property: Id(3)] bool BlockedBy);
