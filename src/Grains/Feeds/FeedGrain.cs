using Microsoft.Extensions.Options;
using Orleans.Streams;
using Sora.Abstractions;
using Sora.Abstractions.Errors;
using Sora.Abstractions.Feeds;
using Sora.Abstractions.Users;
using Sora.Abstractions.Videos;

namespace Sora.Grains.Feeds;

public sealed class FeedGrain(
    [PersistentState("feed", StorageNames.Default)] IPersistentState<FeedState> state,
    IOptions<FeedOptions> feedOptions,
    TimeProvider clock) : Grain, IFeedGrain
{
    private readonly FeedOptions _feeds = feedOptions.Value;
    private ForYouSession? _forYou;

    // The person's follows and blocks, as their user grain last told; it calls GraphChangedAsync (or
    // ForgetCreatorAsync) before any change of them answers, so this is never older than a finished change.
    private ViewerGraph? _graph;

    private UserId Self => new(this.GetPrimaryKeyString());

    public async Task DeliverAsync(FeedItem item)
    {
        if (!state.State.Insert(item, _feeds.InboxCapacity)) return;
        await state.WriteStateAsync();
        await Updates.OnNextAsync(new FeedUpdate(FeedUpdateKind.Added, item.Video, item.Creator, clock.GetUtcNow()));
    }

    public async Task BackfillAsync(IReadOnlyList<FeedItem> items)
    {
        var changed = false;
        foreach (var item in items) changed |= state.State.Insert(item, _feeds.InboxCapacity);
        if (changed) await state.WriteStateAsync();
    }

    public async Task WithdrawAsync(VideoId video)
    {
        var removed = state.State.Inbox.Find(i => i.Video == video);
        if (removed is null) return;
        state.State.Inbox.Remove(removed);
        await state.WriteStateAsync();
        await Updates.OnNextAsync(new FeedUpdate(FeedUpdateKind.Removed, video, removed.Creator, clock.GetUtcNow()));
    }

    public async Task ForgetCreatorAsync(UserId creator)
    {
        _forYou = null;
        _graph = null;
        if (state.State.Inbox.RemoveAll(i => i.Creator == creator) > 0) await state.WriteStateAsync();
    }

    public Task GraphChangedAsync()
    {
        _graph = null;
        _forYou = null;
        return Task.CompletedTask;
    }

    public async Task<FeedPage> GetPageAsync(FeedKind kind, int first, string? after)
    {
        if (first is < 1 or > VideoLimits.MaxPageSize)
            throw DomainException.BadInput("first", $"first must be between 1 and {VideoLimits.MaxPageSize}");
        var page = kind == FeedKind.Following ? await FollowingPageAsync(first, after) : await ForYouPageAsync(first, after);
        return await WithViewsAsync(page);
    }

    public async Task MarkSeenAsync(VideoId video)
    {
        var seen = state.State.Seen;
        if (seen.Contains(video)) return;
        seen.Add(video);
        if (seen.Count > _feeds.SeenCapacity) seen.RemoveRange(0, seen.Count - _feeds.SeenCapacity);
        await state.WriteStateAsync();
    }

    public async Task NoteLikeAsync(UserId creator, bool liked)
    {
        var likes = state.State.LikedCreators;
        var count = likes.GetValueOrDefault(creator) + (liked ? 1 : -1);
        if (count > 0) likes[creator] = count;
        else likes.Remove(creator);
        await state.WriteStateAsync();
    }

    /// <summary>Newest first: the inbox merged with the latest videos of followed fan-in creators.</summary>
    private async Task<FeedPage> FollowingPageAsync(int first, string? after)
    {
        var position = FeedCursor.ParsePosition(after);
        var graph = await GraphAsync();

        var fanIn = (await GrainFactory.GetGrain<IFanInDirectoryGrain>(IFanInDirectoryGrain.Key).GetAllAsync())
            .Where(graph.Following.Contains)
            .ToList();
        IReadOnlyList<FeedItem>[] pulled = fanIn.Count == 0
            ? []
            : await Task.WhenAll(fanIn.Select(creator => User(creator).GetVideosAsync(position, first + 1)));

        var page = FollowingFeed.Merge(state.State.Inbox, pulled, graph.Following, graph.Hidden, position, first + 1);
        var entries = page.Take(first).Select(i => new FeedPageEntry(i.Video, FeedCursor.ForPosition(i.Position))).ToList();
        return new FeedPage(entries, page.Count > first);
    }

    /// <summary>
    /// Ranks once per session and pages through that ranking; a cursor of a ranking this activation no
    /// longer holds starts a fresh one at the same offset.
    /// </summary>
    private async Task<FeedPage> ForYouPageAsync(int first, string? after)
    {
        var cursor = FeedCursor.ParseRanking(after);
        var offset = cursor?.Offset ?? 0;
        if (cursor is null || _forYou is null || _forYou.Token != cursor.Value.Token) _forYou = await RankAsync();

        var ranked = _forYou.Videos;
        var entries = ranked.Skip(offset).Take(first)
            .Select((video, i) => new FeedPageEntry(video, FeedCursor.ForRanking(_forYou.Token, offset + i + 1)))
            .ToList();
        return new FeedPage(entries, offset + first < ranked.Count);
    }

    private async Task<ForYouSession> RankAsync()
    {
        var graphTask = GraphAsync();
        var candidatesTask = GrainFactory.GetGrain<IVideoCatalogGrain>(IVideoCatalogGrain.Key).GetCandidatesAsync();
        var graph = await graphTask;
        var candidates = await candidatesTask;

        var viewer = new RankingViewer(Self, graph.Following, state.State.LikedCreators, graph.Hidden, state.State.Seen.ToHashSet());
        var ranked = ForYouRanking.Rank(candidates.Value, viewer);
        return new ForYouSession(Guid.NewGuid().ToString("N")[..12], [.. ranked.Select(s => s.Video)]);
    }

    /// <summary>
    /// Loads the page's videos as this person sees them. Creators hidden from them are already left out, so
    /// the video grains only check that each video is still published; one that is not any more is dropped.
    /// </summary>
    private async Task<FeedPage> WithViewsAsync(FeedPage page)
    {
        var views = await Task.WhenAll(page.Entries.Select(e => GrainFactory.GetGrain<IVideoGrain>(e.Video.Value).GetForFeedAsync(Self)));
        var entries = page.Entries.Zip(views)
            .Where(pair => pair.Second is not null)
            .Select(pair => pair.First with { View = pair.Second })
            .ToList();
        return page with { Entries = entries };
    }

    private async Task<ViewerGraph> GraphAsync()
    {
        if (_graph is { } known) return known;
        var context = await User(Self).GetFeedContextAsync();
        return _graph = new ViewerGraph(context.Following.ToHashSet(), context.Hidden.ToHashSet());
    }

    private IAsyncStream<FeedUpdate> Updates =>
        this.GetStreamProvider(StreamNamespaces.Provider).GetStream<FeedUpdate>(FeedStreams.ForUser(Self));

    private IUserGrain User(UserId user) => GrainFactory.GetGrain<IUserGrain>(user.Value);

    private sealed record ForYouSession(string Token, IReadOnlyList<VideoId> Videos);

    private sealed record ViewerGraph(HashSet<UserId> Following, HashSet<UserId> Hidden);
}
