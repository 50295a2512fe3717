using System.Runtime.CompilerServices;
using Sora.Abstractions.Feeds;
using Sora.Abstractions.Users;
using Sora.Abstractions.Videos;

namespace Sora.Grains.Feeds;

/// <summary>
/// Where each creator's and each video's candidates sit in one candidate list, so that a viewer's FOR_YOU
/// order can be found from the viewer's side (the hundred people they follow, the few they hide, what they
/// saw) instead of by looking up each of the thousand candidates in the viewer's sets.
/// </summary>
/// <remarks>
/// Derived from the list alone, which never changes, so it is never stale. One is kept per list object the
/// catalog handed out and shared by every feed grain in the process; it is built the second time a list is
/// seen, so a silo that receives a fresh copy of the list on every call (the catalog lives elsewhere) does
/// not pay for indexes it never reuses.
/// </remarks>
public sealed class CandidateIndex
{
    private static readonly ConditionalWeakTable<IReadOnlyList<ScoredCandidate>, Sighting> Sightings = new();

    private readonly Dictionary<UserId, List<int>> _byCreator = [];
    private readonly Dictionary<VideoId, int> _byVideo = [];

    private CandidateIndex(IReadOnlyList<ScoredCandidate> candidates)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            var stats = candidates[i].Stats;
            if (!_byCreator.TryGetValue(stats.Creator, out var positions)) _byCreator[stats.Creator] = positions = [];
            positions.Add(i);
            _byVideo[stats.Video] = i;
        }
    }

    public static CandidateIndex Build(IReadOnlyList<ScoredCandidate> candidates) => new(candidates);

    /// <summary>The index of a list seen before in this process, or null the first time.</summary>
    public static CandidateIndex? Shared(IReadOnlyList<ScoredCandidate> candidates)
    {
        if (Sightings.TryAdd(candidates, new Sighting())) return null;
        var sighting = Sightings.GetOrCreateValue(candidates);
        return sighting.Index ??= new CandidateIndex(candidates);
    }

    public IReadOnlyList<int> PositionsOf(UserId creator) => _byCreator.TryGetValue(creator, out var positions) ? positions : [];

    public int PositionOf(VideoId video) => _byVideo.TryGetValue(video, out var position) ? position : -1;

    private sealed class Sighting
    {
        // Two grains may build it at once; either result is the same, and one of them is kept.
        public CandidateIndex? Index;
    }
}
