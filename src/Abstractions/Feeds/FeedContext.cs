using Sora.Abstractions.Users;

namespace Sora.Abstractions.Feeds;

/// <summary>A person's graph as their feeds need it: whom they follow, and who is hidden from them either way.</summary>
[GenerateSerializer, Immutable, Alias("Sora.FeedContext")]
public sealed record FeedContext(
    [property: Id(0)] IReadOnlyList<UserId> Following,
    [property: Id(1)] IReadOnlyList<UserId> Hidden);
