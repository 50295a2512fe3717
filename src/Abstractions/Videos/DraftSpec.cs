using Sora.Abstractions.Users;

namespace Sora.Abstractions.Videos;

/// <summary>What the generation pipeline (or <c>createVideo</c>) knows when it makes a draft.</summary>
[GenerateSerializer, Immutable, Alias("Sora.DraftSpec")]
public sealed record DraftSpec(
    [property: Id(0)] UserId Owner,
    [property: Id(1)] string Prompt,
    [property: Id(2)] string? PlanRef = null,
    [property: Id(3)] VideoId? RemixOf = null,
    [property: Id(4)] IReadOnlyList<string>? Cameos = null,
    [property: Id(5)] VideoMedia? Media = null,
    [property: Id(6)] string? Provenance = null,
    [property: Id(7)] bool SharePrompt = false);
