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

    // Which videos are in the catalog changes with every publish and withdrawal; a refresh picked from an
    // older membership is thrown away, so a removed video never comes back through one.
    private long _membership;
    private Task<CandidateRefresh>? _refresh;

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
        if (isNew) MembershipChanged();
        return Task.CompletedTask;
    }

    public Task RemoveAsync(VideoId video)
    {
        if (!state.State.Videos.Remove(video)) return Task.CompletedTask;
        _dirty = true;
        MembershipChanged();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Every FOR_YOU session asks, so the answer is always at hand: when it is older than
    /// <see cref="CandidatesMaxAge"/>, the new pick (a sort of the whole catalog) is made on the thread pool
    /// from a copy and taken up by a later call, instead of making every caller wait behind the sort.
    /// </summary>
    public Task<Immutable<IReadOnlyList<ScoredCandidate>>> GetCandidatesAsync()
    {
        var now = clock.GetUtcNow();
        TakeFinishedRefresh();
        if (_candidates is not { } current)
        {
            current = new Immutable<IReadOnlyList<ScoredCandidate>>(ForYouRanking.ByGlobalScore(state.State.Videos.Values, now, _feeds.CandidateCount));
            _candidates = current;
            _candidatesAt = now;
        }
        else if (now - _candidatesAt > CandidatesMaxAge && _refresh is null)
        {
            var videos = state.State.Videos.Values.ToArray();
            var membership = _membership;
            var count = _feeds.CandidateCount;
            _refresh = Task.Run(() => new CandidateRefresh(membership, now, ForYouRanking.ByGlobalScore(videos, now, count)));
        }
        return Task.FromResult(current);
    }

    private void TakeFinishedRefresh()
    {
        if (_refresh is not { IsCompleted: true } finished) return;
        _refresh = null;
        if (finished.IsCompletedSuccessfully && finished.Result.Membership == _membership)
        {
            _candidates = new Immutable<IReadOnlyList<ScoredCandidate>>(finished.Result.Candidates);
            _candidatesAt = finished.Result.At;
        }
    }

    private void MembershipChanged()
    {
        _membership++;
        _candidates = null;
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (!_dirty) return;
        _dirty = false;
        await state.WriteStateAsync(cancellationToken);
    }
}

internal sealed record CandidateRefresh(long Membership, DateTimeOffset At, IReadOnlyList<ScoredCandidate> Candidates);

[GenerateSerializer, Alias("Sora.VideoCatalogState")]
public sealed class VideoCatalogState
{
    [Id(0)] public Dictionary<VideoId, VideoStats> Videos { get; set; } = [];
}
