using Sora.Abstractions.Users;
using Sora.Abstractions.Videos;

namespace Sora.Abstractions.Feeds;

/// <summary>What ranking knows of one published video.</summary>
[GenerateSerializer, Immutable, Alias("Sora.VideoStats")]
public sealed record VideoStats(
    [property: Id(0)] VideoId Video,
    [property: Id(1)] UserId Creator,
    [property: Id(2)] DateTimeOffset PublishedAt,
    [property: Id(3)] int Likes,
    [property: Id(4)] int Comments,
    [property: Id(5)] int Views,
    [property: Id(6)] int Remixes);

/// <summary>A FOR_YOU candidate with the part of its score that is the same for every viewer.</summary>
[GenerateSerializer, Immutable, Alias("Sora.ScoredCandidate")]
public sealed record ScoredCandidate(
    [property: Id(0)] VideoStats Stats,
    [property: Id(1)] double GlobalScore);
