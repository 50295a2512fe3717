using Sora.Abstractions.Users;

namespace Sora.Abstractions.Videos;

/// <summary>A comment on a video; <see cref="Id"/> counts up per video.</summary>
[GenerateSerializer, Immutable, Alias("Sora.Comment")]
public sealed record Comment(
    [property: Id(0)] long Id,
    [property: Id(1)] VideoId Video,
    [property: Id(2)] UserId Author,
    [property: Id(3)] string Text,
    [property: Id(4)] DateTimeOffset At);

[GenerateSerializer, Immutable, Alias("Sora.CommentPage")]
public sealed record CommentPage(
    [property: Id(0)] IReadOnlyList<Comment> Comments,
    [property: Id(1)] bool HasNextPage);
