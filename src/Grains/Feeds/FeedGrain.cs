using Microsoft.Extensions.Options;
using Orleans.Streams;
using Sora.Abstractions;
using Sora.Abstractions.Errors;
using Sora.Abstractions.Feeds;
using Sora.Abstractions.Users;
using Sora.Abstractions.Videos;
using Sora.Grains.Videos;

namespace Sora.Grains.Feeds;

public sealed class FeedGrain(
    [PersistentState("feed", StorageNames.Default)] IPersistentState<FeedState> state,
    IOptions<FeedOptions> feedOptions,
    LocalVideoViews localViews,
    TimeProvider clock) : Grain, IFeedGrain
{
    private readonly FeedOptions _feeds = feedOptions.Value;
    private ForYouSession? _forYou;

    // The person's follows and blocks, as their user grain last told; it calls GraphChangedAsync (or
    // ForgetCreatorAsync) before any change of them answers, so this is never older than a finished change.
    private ViewerGraph? _graph;

    // The seen list as a set, for the FOR_YOU filter; kept in step with the list by MarkSeenAsync.
    private HashSet<VideoId>? _seenSet;

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
        var seenSet = SeenSet;
        if (!seenSet.Add(video)) return;
        seen.Add(video);
        if (seen.Count > _feeds.SeenCapacity)
        {
            var dropped = seen.Count - _feeds.SeenCapacity;
            for (var i = 0; i < dropped; i++) seenSet.Remove(seen[i]);
            seen.RemoveRange(0, dropped);
        }
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

        var (videos, hasMore) = _forYou.Order.Take(offset, first);
        var entries = new List<FeedPageEntry>(videos.Count);
        for (var i = 0; i < videos.Count; i++)
            entries.Add(new FeedPageEntry(videos[i].Video, FeedCursor.ForRanking(_forYou.Token, offset + i + 1)));
        return new FeedPage(entries, hasMore);
    }

    private async Task<ForYouSession> RankAsync()
    {
        var graphTask = GraphAsync();
        var candidatesTask = GrainFactory.GetGrain<IVideoCatalogGrain>(IVideoCatalogGrain.Key).GetCandidatesAsync();
        var graph = await graphTask;
        var candidates = await candidatesTask;

        var viewer = new RankingViewer(Self, graph.Following, state.State.LikedCreators, graph.Hidden, SeenSet);
        var index = CandidateIndex.Shared(candidates.Value);
        // The previous session ends here, so its order's buffers are taken over by the new one.
        if (_forYou?.Order is { } order) order.Restart(candidates.Value, viewer, index);
        else order = new ForYouOrder(candidates.Value, viewer, index);
        return new ForYouSession(Guid.NewGuid().ToString("N")[..12], order);
    }

    /// <summary>
    /// Loads the page's videos as this person sees them. Creators hidden from them are already left out, so
    /// all that is checked is that each video is still published; one that is not any more is dropped. Videos
    /// active in this silo are read from <see cref="LocalVideoViews"/>, the others through their grains.
    /// </summary>
    private async Task<FeedPage> WithViewsAsync(FeedPage page)
    {
        var viewer = Self;
        var views = new VideoView?[page.Entries.Count];
        List<Task>? reads = null;
        for (var i = 0; i < views.Length; i++)
        {
            var video = page.Entries[i].Video;
            views[i] = localViews.Find(video, viewer);
            if (views[i] is null) (reads ??= []).Add(ReadThroughGrainAsync(video, views, i));
        }
        if (reads is not null) await Task.WhenAll(reads);

        var entries = new List<FeedPageEntry>(views.Length);
        for (var i = 0; i < views.Length; i++)
            if (views[i] is { } view) entries.Add(page.Entries[i] with { View = view });
        return page with { Entries = entries };
    }

    /// <summary>A video this silo does not hold active: its grain answers (and a null stays null: not published).</summary>
    private async Task ReadThroughGrainAsync(VideoId video, VideoView?[] views, int index) =>
        views[index] = await GrainFactory.GetGrain<IVideoGrain>(video.Value).GetForFeedAsync(Self);

    private async Task<ViewerGraph> GraphAsync()
    {
        if (_graph is { } known) return known;
        var context = await User(Self).GetFeedContextAsync();
        return _graph = new ViewerGraph(context.Following.ToHashSet(), context.Hidden.ToHashSet());
    }

    private HashSet<VideoId> SeenSet => _seenSet ??= [.. state.State.Seen];

    private IAsyncStream<FeedUpdate> Updates =>
        this.GetStreamProvider(StreamNamespaces.Provider).GetStream<FeedUpdate>(FeedStreams.ForUser(Self));

    private IUserGrain User(UserId user) => GrainFactory.GetGrain<IUserGrain>(user.Value);

    private sealed record ForYouSession(string Token, ForYouOrder Order);

    private sealed record ViewerGraph(HashSet<UserId> Following, HashSet<UserId> Hidden);
}
