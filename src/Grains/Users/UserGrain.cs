using Microsoft.Extensions.Options;
using Orleans.Streams;
using Sora.Abstractions;
using Sora.Abstractions.Errors;
using Sora.Abstractions.Feeds;
using Sora.Abstractions.Users;
using Sora.Abstractions.Videos;
using Sora.Grains.Feeds;

namespace Sora.Grains.Users;

public sealed class UserGrain(
    [PersistentState("user", StorageNames.Default)] IPersistentState<UserState> state,
    IOptions<FeedOptions> feedOptions,
    TimeProvider clock) : Grain, IUserGrain
{
    private const int BackfillCount = 20;

    // Edge updates from other users interleave with this grain's own calls; writes of the one state object
    // must still go out one at a time.
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly FeedOptions _feeds = feedOptions.Value;

    private UserId Self => new(this.GetPrimaryKeyString());
    private UserState S => state.State;

    public async Task<UserProfile> RegisterAsync(string handle, string displayName, string passwordHash)
    {
        if (S.Registered) throw new DomainException(ErrorCodes.Conflict, "This account already exists");
        var (key, name) = (Handle.Normalize(handle), ProfileRules.DisplayName(displayName));
        S.Registered = true;
        S.Handle = key;
        S.DisplayName = name;
        S.PasswordHash = passwordHash;
        S.CreatedAt = clock.GetUtcNow();
        await WriteAsync();
        return Profile();
    }

    public Task<UserProfile?> GetProfileAsync() => Task.FromResult(S.Registered ? Profile() : null);

    public Task<string?> GetPasswordHashAsync() => Task.FromResult(S.Registered ? S.PasswordHash : null);

    public async Task ReplacePasswordHashAsync(string passwordHash)
    {
        EnsureRegistered();
        S.PasswordHash = passwordHash;
        await WriteAsync();
    }

    public async Task<UserProfile> UpdateProfileAsync(ProfileChange change)
    {
        EnsureRegistered();
        // Every field is checked before any is changed: a refused change leaves the profile as it was.
        var displayName = change.DisplayName is null ? S.DisplayName : ProfileRules.DisplayName(change.DisplayName);
        var bio = change.Bio is null ? S.Bio : ProfileRules.Bio(change.Bio);
        (S.DisplayName, S.Bio, S.AllowRemixes) = (displayName, bio, change.AllowRemixes ?? S.AllowRemixes);
        await WriteAsync();
        return Profile();
    }

    public Task<Relationship> GetRelationshipAsync(UserId other) => Task.FromResult(new Relationship(
        Follows: S.Following.Contains(other), FollowedBy: S.Followers.Contains(other),
        Blocks: S.Blocks.Contains(other), BlockedBy: S.BlockedBy.Contains(other)));

    public Task<bool> IsBlockedEitherWayAsync(UserId other) => Task.FromResult(S.HiddenFrom(other));

    public async Task FollowAsync(UserId target)
    {
        EnsureRegistered();
        if (target == Self) throw DomainException.BadInput("handle", "You cannot follow yourself");
        if (S.HiddenFrom(target)) throw DomainException.Forbidden("You cannot follow this person");
        if (S.Following.Contains(target)) return;

        var creator = GrainFactory.GetGrain<IUserGrain>(target.Value);
        await creator.AddFollowerAsync(Self);
        S.Following.Add(target);
        await WriteAsync();
        await Feed(Self).GraphChangedAsync();

        // A new follow shows the creator's latest videos at once; fan-in creators are read at query time anyway.
        if (!await creator.IsFanInAsync())
        {
            var recent = await creator.GetVideosAsync(null, BackfillCount);
            if (recent.Count > 0) await Feed(Self).BackfillAsync(recent);
        }
    }

    public async Task UnfollowAsync(UserId target)
    {
        EnsureRegistered();
        if (!S.Following.Remove(target)) return;
        await WriteAsync();
        await GrainFactory.GetGrain<IUserGrain>(target.Value).RemoveFollowerAsync(Self);
        await Feed(Self).ForgetCreatorAsync(target);
    }

    public async Task BlockAsync(UserId target)
    {
        EnsureRegistered();
        if (target == Self) throw DomainException.BadInput("handle", "You cannot block yourself");
        if (!S.Blocks.Add(target)) return;
        S.Following.Remove(target);
        var lostFollower = S.Followers.Remove(target);
        await WriteAsync();
        if (lostFollower) await UpdateFanInAsync();
        await GrainFactory.GetGrain<IUserGrain>(target.Value).BlockedByAsync(Self);
        await Feed(Self).ForgetCreatorAsync(target);
    }

    public async Task UnblockAsync(UserId target)
    {
        EnsureRegistered();
        if (!S.Blocks.Remove(target)) return;
        await WriteAsync();
        await Feed(Self).GraphChangedAsync();
        await GrainFactory.GetGrain<IUserGrain>(target.Value).UnblockedByAsync(Self);
    }

    public Task<IReadOnlyList<UserId>> GetFollowingAsync() => Task.FromResult<IReadOnlyList<UserId>>([.. S.Following]);

    public Task<FeedContext> GetFeedContextAsync() =>
        Task.FromResult(new FeedContext([.. S.Following], [.. S.Blocks.Union(S.BlockedBy)]));

    public async Task AddFollowerAsync(UserId follower)
    {
        EnsureRegistered();
        if (S.HiddenFrom(follower)) throw DomainException.Forbidden("You cannot follow this person");
        if (!S.Followers.Add(follower)) return;
        await WriteAsync();
        await UpdateFanInAsync();
    }

    public async Task RemoveFollowerAsync(UserId follower)
    {
        if (!S.Followers.Remove(follower)) return;
        await WriteAsync();
        await UpdateFanInAsync();
    }

    public async Task BlockedByAsync(UserId blocker)
    {
        S.BlockedBy.Add(blocker);
        S.Following.Remove(blocker);
        var lostFollower = S.Followers.Remove(blocker);
        await WriteAsync();
        if (lostFollower) await UpdateFanInAsync();
        await Feed(Self).ForgetCreatorAsync(blocker);
    }

    public async Task UnblockedByAsync(UserId blocker)
    {
        if (!S.BlockedBy.Remove(blocker)) return;
        await WriteAsync();
        await Feed(Self).GraphChangedAsync();
    }

    public async Task VideoPublishedAsync(FeedItem item)
    {
        EnsureRegistered();
        S.Videos.RemoveAll(v => v.Video == item.Video);
        var at = S.Videos.FindIndex(v => v.Position.CompareTo(item.Position) > 0);
        S.Videos.Insert(at < 0 ? S.Videos.Count : at, item);
        await WriteAsync();

        if (IsFanIn)
            await CreatorStream.OnNextAsync(new FeedUpdate(FeedUpdateKind.Added, item.Video, Self, clock.GetUtcNow()));
        else
            await FanOutAsync(feed => feed.DeliverAsync(item));
    }

    public async Task VideoWithdrawnAsync(VideoId video)
    {
        if (S.Videos.RemoveAll(v => v.Video == video) > 0) await WriteAsync();
        if (IsFanIn)
            await CreatorStream.OnNextAsync(new FeedUpdate(FeedUpdateKind.Removed, video, Self, clock.GetUtcNow()));
        else
            await FanOutAsync(feed => feed.WithdrawAsync(video));
    }

    public Task<IReadOnlyList<FeedItem>> GetVideosAsync(FeedPosition? after, int max)
    {
        IEnumerable<FeedItem> items = S.Videos;
        if (after is { } position) items = items.Where(v => v.Position.CompareTo(position) > 0);
        return Task.FromResult<IReadOnlyList<FeedItem>>([.. items.Take(Math.Max(0, max))]);
    }

    public Task<bool> IsFanInAsync() => Task.FromResult(IsFanIn);

    private bool IsFanIn => S.Followers.Count > _feeds.FanInFollowerThreshold;

    private IAsyncStream<FeedUpdate> CreatorStream =>
        this.GetStreamProvider(StreamNamespaces.Provider).GetStream<FeedUpdate>(FeedStreams.ForCreator(Self));

    private async Task FanOutAsync(Func<IFeedGrain, Task> deliver)
    {
        var followers = S.Followers.ToArray();
        foreach (var batch in followers.Chunk(_feeds.FanOutBatchSize))
            await Task.WhenAll(batch.Select(follower => deliver(Feed(follower))));
    }

    /// <summary>Tells the directory only when this person crosses the threshold, so a follow does not queue at that one grain.</summary>
    private async Task UpdateFanInAsync()
    {
        var fanIn = IsFanIn;
        if (S.ListedAsFanIn == fanIn) return;
        await GrainFactory.GetGrain<IFanInDirectoryGrain>(IFanInDirectoryGrain.Key).SetAsync(Self, fanIn);
        S.ListedAsFanIn = fanIn;
        await WriteAsync();
    }

    private IFeedGrain Feed(UserId user) => GrainFactory.GetGrain<IFeedGrain>(user.Value);

    private UserProfile Profile() => new(Self, S.Handle, S.DisplayName, S.Bio, S.AllowRemixes,
        S.Followers.Count, S.Following.Count, S.Videos.Count, S.CreatedAt);

    private void EnsureRegistered()
    {
        if (!S.Registered) throw DomainException.NotFound("User");
    }

    private async Task WriteAsync()
    {
        await _writeLock.WaitAsync();
        try { await state.WriteStateAsync(); }
        finally { _writeLock.Release(); }
    }
}
