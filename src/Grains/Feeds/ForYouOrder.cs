using Sora.Abstractions.Feeds;
using Sora.Abstractions.Users;

namespace Sora.Grains.Feeds;

/// <summary>
/// One viewer's FOR_YOU order over candidates already in global order, produced only as far as pages ask
/// for it: a first page needs the first twenty or so, not all thousand. What it produces is exactly
/// <see cref="ForYouRanking.Rank(IReadOnlyList{ScoredCandidate}, RankingViewer)"/>, in the same order.
/// </summary>
/// <remarks>
/// Building it takes one pass over the candidates to find those the viewer's affinity moves (they are
/// sorted by their own score) and those the viewer must not get; the rest keep their global order. The
/// two runs are merged and spread apart (never the same creator twice in a row) step by step.
/// </remarks>
public sealed class ForYouOrder
{
    private readonly List<(VideoStats Stats, double Score)> _moved = [];
    private readonly List<VideoStats> _produced = [];
    private readonly Queue<VideoStats> _held = new();
    private IReadOnlyList<ScoredCandidate> _candidates = [];
    private bool[] _notInGlobalRun = [];
    private int _nextCandidate;
    private int _nextMoved;
    private UserId? _previous;
    private bool _ended;

    /// <param name="index">Where the candidates' creators and videos are in <paramref name="byGlobalScore"/>; without one, every candidate is looked up in the viewer's sets.</param>
    public ForYouOrder(IReadOnlyList<ScoredCandidate> byGlobalScore, RankingViewer viewer, CandidateIndex? index = null) =>
        Restart(byGlobalScore, viewer, index);

    /// <summary>
    /// Forgets the order produced so far and starts another one, exactly as a new instance would, in the
    /// buffers of this one. A feed keeps one order and restarts it for each session: a session lives until its
    /// viewer's next one, long enough to survive a collection, so a fresh order per session would be garbage
    /// of the kind that makes full collections frequent.
    /// </summary>
    public void Restart(IReadOnlyList<ScoredCandidate> byGlobalScore, RankingViewer viewer, CandidateIndex? index = null)
    {
        ArgumentNullException.ThrowIfNull(byGlobalScore);
        ArgumentNullException.ThrowIfNull(viewer);
        _candidates = byGlobalScore;
        if (_notInGlobalRun.Length == byGlobalScore.Count) Array.Clear(_notInGlobalRun);
        else _notInGlobalRun = new bool[byGlobalScore.Count];
        _moved.Clear();
        _produced.Clear();
        _held.Clear();
        _nextCandidate = 0;
        _nextMoved = 0;
        _previous = null;
        _ended = false;
        if (index is null) SplitByLookingUpEachCandidate(viewer);
        else SplitFromTheViewersSide(viewer, index);
        _moved.Sort(ForYouRanking.BestFirst);
        SkipToGlobalRun();
    }

    private void SplitByLookingUpEachCandidate(RankingViewer viewer)
    {
        for (var i = 0; i < _candidates.Count; i++)
        {
            var (s, globalScore) = _candidates[i];
            if (s.Creator == viewer.Viewer || viewer.Hidden.Contains(s.Creator) || viewer.Seen.Contains(s.Video))
            {
                _notInGlobalRun[i] = true;
                continue;
            }
            var affinity = ForYouRanking.Affinity(s.Creator, viewer);
            if (affinity == 0) continue;
            _notInGlobalRun[i] = true;
            _moved.Add((s, globalScore * (1 + affinity)));
        }
    }

    /// <summary>The same split, found from the people the viewer follows, likes and hides and the videos they saw.</summary>
    private void SplitFromTheViewersSide(RankingViewer viewer, CandidateIndex index)
    {
        foreach (var i in index.PositionsOf(viewer.Viewer)) _notInGlobalRun[i] = true;
        foreach (var hidden in viewer.Hidden)
            foreach (var i in index.PositionsOf(hidden)) _notInGlobalRun[i] = true;
        if (viewer.Seen.Count <= _candidates.Count)
        {
            foreach (var video in viewer.Seen)
                if (index.PositionOf(video) is var i and >= 0) _notInGlobalRun[i] = true;
        }
        else
        {
            for (var i = 0; i < _candidates.Count; i++)
                if (viewer.Seen.Contains(_candidates[i].Stats.Video)) _notInGlobalRun[i] = true;
        }

        foreach (var creator in viewer.Following) Move(creator);
        foreach (var creator in viewer.LikedCreators.Keys)
            if (!viewer.Following.Contains(creator)) Move(creator);

        void Move(UserId creator)
        {
            var affinity = ForYouRanking.Affinity(creator, viewer);
            if (affinity == 0) return;
            foreach (var i in index.PositionsOf(creator))
            {
                if (_notInGlobalRun[i]) continue;
                _notInGlobalRun[i] = true;
                _moved.Add((_candidates[i].Stats, _candidates[i].GlobalScore * (1 + affinity)));
            }
        }
    }

    /// <summary>The videos at <paramref name="offset"/>..offset+count (fewer at the end), and whether any follow.</summary>
    public (IReadOnlyList<VideoStats> Page, bool HasMore) Take(int offset, int count)
    {
        while (!_ended && _produced.Count <= offset + count) Step();
        var end = Math.Min(_produced.Count, offset + count);
        var page = offset >= end ? [] : _produced.GetRange(offset, end - offset);
        return (page, _produced.Count > offset + count);
    }

    /// <summary>The whole order (for tests and callers that need all of it).</summary>
    public IReadOnlyList<VideoStats> All()
    {
        while (!_ended) Step();
        return _produced;
    }

    /// <summary>
    /// One slot: the best remaining video whose creator differs from the previous slot's. Videos passed
    /// over for having the previous creator wait in <see cref="_held"/> (all of one creator, best first,
    /// and ahead of everything not yet merged), so each video is looked at a bounded number of times.
    /// </summary>
    private void Step()
    {
        if (_held.Count > 0 && _held.Peek().Creator != _previous)
        {
            Produce(_held.Dequeue());
            return;
        }
        while (NextMerged() is { } next)
        {
            if (next.Creator == _previous)
            {
                _held.Enqueue(next);
                continue;
            }
            Produce(next);
            return;
        }
        _ended = true;
    }

    private void Produce(VideoStats video)
    {
        _produced.Add(video);
        _previous = video.Creator;
    }

    /// <summary>The better of the heads of the moved run and the global run, by score then video id.</summary>
    private VideoStats? NextMerged()
    {
        var hasMoved = _nextMoved < _moved.Count;
        var hasGlobal = _nextCandidate < _candidates.Count;
        if (!hasMoved && !hasGlobal) return null;
        var takeMoved = !hasGlobal || (hasMoved && ForYouRanking.BestFirst(_moved[_nextMoved], GlobalHead) < 0);
        if (takeMoved) return _moved[_nextMoved++].Stats;
        var video = _candidates[_nextCandidate++].Stats;
        SkipToGlobalRun();
        return video;
    }

    private (VideoStats Stats, double Score) GlobalHead => (_candidates[_nextCandidate].Stats, _candidates[_nextCandidate].GlobalScore);

    private void SkipToGlobalRun()
    {
        while (_nextCandidate < _candidates.Count && _notInGlobalRun[_nextCandidate]) _nextCandidate++;
    }
}
