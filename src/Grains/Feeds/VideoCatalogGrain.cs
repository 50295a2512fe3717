using Orleans.Concurrency;
using Microsoft.Extensions.Options;
using Sora.Abstractions;
using Sora.Abstractions.Feeds;
using Sora.Abstractions.Videos;

namespace Sora.Grains.Feeds;

/// <summary>
/// Counts change on every like and view, so the catalog writes its state behind, at most every
/// <see cref="WriteBehind"/>, and on deactivation; a crash loses at most that much of the counts.
/// </summary>
public sealed class VideoCatalogGrain(
    [PersistentState("catalog", StorageNames.Default)] IPersistentState<VideoCatalogState> state,
    IOptions<FeedOptions> feedOptions,
    TimeProvider clock) : Grain, IVideoCatalogGrain
{
    private static readonly TimeSpan WriteBehind = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan CandidatesMaxAge = TimeSpan.FromSeconds(1);

    private readonly FeedOptions _feeds = feedOptions.Value;
    private bool _dirty;
    private Immutable<IReadOnlyList<ScoredCandidate>>? _candidates;
    private DateTimeOffset _candidatesAt;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(FlushAsync, WriteBehind, WriteBehind);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        await FlushAsync(cancellationToken);

    public Task UpsertAsync(VideoStats stats)
    {
        var videos = state.State.Videos;
        var isNew = !videos.ContainsKey(stats.Video);
        videos[stats.Video] = stats;
        if (videos.Count > _feeds.CatalogCapacity)
            foreach (var oldest in videos.Values.OrderBy(v => v.PublishedAt).Take(videos.Count - _feeds.CatalogCapacity).ToList())
                videos.Remove(oldest.Video);
        _dirty = true;
        // A new video joins FOR_YOU at once; changed counts wait for the next refresh of the candidates.
        if (isNew) _candidates = null;
        return Task.CompletedTask;
    }

    public Task RemoveAsync(VideoId video)
    {
        if (!state.State.Videos.Remove(video)) return Task.CompletedTask;
        _dirty = true;
        _candidates = null;
        return Task.CompletedTask;
    }

    public Task<Immutable<IReadOnlyList<ScoredCandidate>>> GetCandidatesAsync()
    {
        var now = clock.GetUtcNow();
        if (_candidates is not { } cached || now - _candidatesAt > CandidatesMaxAge)
        {
            cached = new Immutable<IReadOnlyList<ScoredCandidate>>(ForYouRanking.ByGlobalScore(state.State.Videos.Values, now, _feeds.CandidateCount));
            _candidates = cached;
            _candidatesAt = now;
        }
        return Task.FromResult(cached);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (!_dirty) return;
        _dirty = false;
        await state.WriteStateAsync(cancellationToken);
    }
}

[GenerateSerializer, Alias("Sora.VideoCatalogState")]
public sealed class VideoCatalogState
{
    [Id(0)] public Dictionary<VideoId, VideoStats> Videos { get; set; } = [];
}
