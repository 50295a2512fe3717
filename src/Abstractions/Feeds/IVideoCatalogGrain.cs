using Orleans.Concurrency;
using Sora.Abstractions.Videos;

namespace Sora.Abstractions.Feeds;

/// <summary>
/// The published videos FOR_YOU ranks (key <see cref="Key"/>): their counts, and a cached candidate list
/// of the best by the viewer-independent part of the score.
/// </summary>
[Alias("Sora.IVideoCatalogGrain")]
public interface IVideoCatalogGrain : IGrainWithStringKey
{
    const string Key = "catalog";

    [Alias("Upsert")]
    Task UpsertAsync(VideoStats stats);

    [Alias("Remove")]
    Task RemoveAsync(VideoId video);

    // Every FOR_YOU first page asks; answers must not wait behind a write of the catalog.
    [Alias("Candidates"), AlwaysInterleave]
    /// <summary>The best videos by the viewer-independent score, best first (ties by video id).</summary>
    Task<Immutable<IReadOnlyList<ScoredCandidate>>> GetCandidatesAsync();
}
