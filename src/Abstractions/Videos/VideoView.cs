using Sora.Abstractions.Users;

namespace Sora.Abstractions.Videos;

/// <summary>A video as one viewer may see it: its prompt only if the viewer made it or its creator shared the prompt.</summary>
[GenerateSerializer, Immutable, Alias("Sora.VideoView")]
public sealed record VideoView(
    [property: Id(0)] VideoId Id,
    [property: Id(1)] UserId Owner,
    [property: Id(2)] string? Prompt,
    [property: Id(3)] string? PlanRef,
    [property: Id(4)] VideoStatus Status,
    [property: Id(5)] string? RemovedReason,
    [property: Id(6)] string? Caption,
    [property: Id(7)] VideoId? RemixOf,
    [property: Id(8)] IReadOnlyList<VideoId> Lineage,
    [property: Id(9)] RemixCredit? Credit,
    [property: Id(10)] IReadOnlyList<string> Cameos,
    [property: Id(11)] VideoMedia? Media,
    [property: Id(12)] string? Provenance,
    [property: Id(13)] VideoCounts Counts,
    [property: Id(14)] bool LikedByViewer,
    [property: Id(15)] DateTimeOffset CreatedAt,
    [property: Id(16)] DateTimeOffset? PublishedAt);

[GenerateSerializer, Immutable, Alias("Sora.VideoCounts")]
public sealed record VideoCounts(
    [property: Id(0)] int Likes,
    [property: Id(1)] int Comments,
    [property: Id(2)] int Views,
    [property: Id(3)] int Remixes);

/// <summary>Whom a remix credits: the creator of the video it was made from.</summary>
[GenerateSerializer, Immutable, Alias("Sora.RemixCredit")]
public sealed record RemixCredit(
    [property: Id(0)] VideoId Parent,
    [property: Id(1)] UserId Creator,
    [property: Id(2)] string CreatorHandle)
{
    public string Text => $"Remix of a video by @{CreatorHandle}";
}

/// <summary>What a parent hands to a remix of it: its lineage (root first, itself last) and its credit.</summary>
[GenerateSerializer, Immutable, Alias("Sora.RemixSource")]
public sealed record RemixSource(
    [property: Id(0)] IReadOnlyList<VideoId> Lineage,
    [property: Id(1)] RemixCredit Credit);
