using Sora.Abstractions.Users;
using Sora.Abstractions.Videos;

namespace Sora.Abstractions.Feeds;

/// <summary>A change to someone's FOLLOWING feed, pushed on stream <c>feed/{userId}</c>.</summary>
[GenerateSerializer, Immutable, Alias("Sora.FeedUpdate")]
public sealed record FeedUpdate(
    [property: Id(0)] FeedUpdateKind Kind,
    [property: Id(1)] VideoId Video,
    [property: Id(2)] UserId Creator,
    [property: Id(3)] DateTimeOffset At);

[GenerateSerializer, Alias("Sora.FeedUpdateKind")]
public enum FeedUpdateKind
{
    Added = 0,
    Removed = 1,
}
