using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Sora.Abstractions;
using Sora.Abstractions.Errors;
using Sora.Abstractions.Feeds;
using Sora.Abstractions.Generation;
using Sora.Abstractions.Users;
using Sora.Abstractions.Videos;

namespace Sora.Grains.Videos;

public sealed partial class VideoGrain(
    [PersistentState("video", StorageNames.Default)] IPersistentState<VideoState> state,
    LocalVideoViews localViews,
    TimeProvider clock,
    ILogger<VideoGrain> logger) : Grain, IVideoGrain
{
    public const string DeletedByOwner = "Deleted by its creator";

    // What this activation shows in LocalVideoViews, and the likers in the form it shows them.
    private PublishedVideoView? _shown;
    private ImmutableHashSet<UserId>? _likers;

    private VideoId Self => new(this.GetPrimaryKeyString());
    private VideoState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ShowLocally();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_shown is not null) localViews.Remove(Self, _shown);
        _shown = null;
        return Task.CompletedTask;
    }

    public async Task<VideoView> CreateDraftAsync(DraftSpec spec)
    {
        if (S.Exists) throw new DomainException(ErrorCodes.Conflict, "This video already exists");
        var prompt = VideoRules.Prompt(spec.Prompt);
        _ = await Users(spec.Owner).GetProfileAsync() ?? throw DomainException.NotFound("User");

        RemixSource? source = null;
        if (spec.RemixOf is { } parent)
            source = await GrainFactory.GetGrain<IVideoGrain>(parent.Value).AuthorizeRemixAsync(spec.Owner);

        S.Exists = true;
        S.Owner = spec.Owner;
        S.Prompt = prompt;
        S.SharePrompt = spec.SharePrompt;
        S.PlanRef = spec.PlanRef;
        S.Status = VideoStatus.Draft;
        S.RemixOf = spec.RemixOf;
        S.Lineage = source is null ? [] : [.. source.Lineage];
        S.Credit = source?.Credit;
        S.Cameos = [.. spec.Cameos ?? []];
        S.Media = spec.Media;
        S.Provenance = spec.Provenance;
        S.CreatedAt = clock.GetUtcNow();
        // Told before it exists, as its first change: a job list that noted its job ended without a video (it was
        // cancelled as this attempt finished) must not hide this draft. Best effort: a list that cannot be told (a silo
        // of an older version during an upgrade) must not cost the job its video; it hides the draft only in that race.
        S.StatusVersion = 1;
        await TellJobListBestEffortAsync(isDraft: true);
        await SaveAsync();
        return View(spec.Owner);
    }

    public async Task<VideoView> GetAsync(UserId? viewer)
    {
        await EnsureVisibleAsync(viewer);
        return View(viewer);
    }

    public Task<VideoView?> GetForFeedAsync(UserId viewer) =>
        Task.FromResult(S.Exists && S.Status == VideoStatus.Published ? View(viewer) : null);

    public async Task<VideoView> PublishAsync(UserId caller, string? caption)
    {
        await EnsureOwnerAsync(caller);
        if (S.Status == VideoStatus.Removed) throw new DomainException(ErrorCodes.Conflict, "A removed video cannot be published");
        var newCaption = VideoRules.Caption(caption);
        if (S.Status == VideoStatus.Published && newCaption is null) return View(caller);

        var wasPublished = S.Status == VideoStatus.Published;
        S.Caption = newCaption ?? S.Caption;
        if (!wasPublished) S.StatusVersion++;
        S.Status = VideoStatus.Published;
        S.PublishedAt ??= clock.GetUtcNow();
        await SaveAsync();
        if (!wasPublished)
        {
            await AnnouncePublishedAsync();
            await TellJobListBestEffortAsync(isDraft: false);
        }
        return View(caller);
    }

    public async Task<VideoView> UnpublishAsync(UserId caller)
    {
        await EnsureOwnerAsync(caller);
        if (S.Status != VideoStatus.Published) return View(caller);
        // Told before the change: a list that still says "published" would hide this draft from myDrafts.
        await TellJobListAsync(isDraft: true, S.StatusVersion + 1);
        S.StatusVersion++;
        S.Status = VideoStatus.Draft;
        S.PublishedAt = null;
        await SaveAsync();
        await AnnounceWithdrawnAsync();
        return View(caller);
    }

    public async Task DeleteAsync(UserId caller)
    {
        await EnsureOwnerAsync(caller);
        if (S.Status == VideoStatus.Removed) return;
        await RemoveCoreAsync(DeletedByOwner);
    }

    public async Task RemoveAsync(string reason)
    {
        EnsureExists();
        var checkedReason = VideoRules.Reason(reason);
        if (S.Status == VideoStatus.Removed) return;
        await RemoveCoreAsync(checkedReason);
    }

    public async Task<VideoView> LikeAsync(UserId caller)
    {
        await EnsureVisibleAsync(caller);
        EnsurePublished("liked");
        if (S.Likes.Add(caller))
        {
            _likers = _likers?.Add(caller);
            await SaveAsync();
            await Feeds(caller).NoteLikeAsync(S.Owner, liked: true);
            await UpdateCatalogAsync();
        }
        return View(caller);
    }

    public async Task<VideoView> UnlikeAsync(UserId caller)
    {
        await EnsureVisibleAsync(caller);
        if (S.Likes.Remove(caller))
        {
            _likers = _likers?.Remove(caller);
            await SaveAsync();
            await Feeds(caller).NoteLikeAsync(S.Owner, liked: false);
            await UpdateCatalogAsync();
        }
        return View(caller);
    }

    public async Task<Comment> CommentAsync(UserId caller, string text)
    {
        await EnsureVisibleAsync(caller);
        EnsurePublished("commented on");
        var comment = new Comment(++S.LastCommentId, Self, caller, VideoRules.CommentText(text), clock.GetUtcNow());
        S.Comments.Add(comment);
        await SaveAsync();
        await UpdateCatalogAsync();
        return comment;
    }

    public async Task DeleteCommentAsync(UserId caller, long commentId)
    {
        await EnsureVisibleAsync(caller);
        var comment = S.Comments.Find(c => c.Id == commentId) ?? throw DomainException.NotFound("Comment");
        if (comment.Author != caller && S.Owner != caller)
            throw DomainException.Forbidden("Only the comment's author or the video's creator may delete it");
        S.Comments.Remove(comment);
        await SaveAsync();
        await UpdateCatalogAsync();
    }

    public async Task<CommentPage> GetCommentsAsync(UserId? viewer, int first, long? after)
    {
        if (first is < 1 or > VideoLimits.MaxPageSize)
            throw DomainException.BadInput("first", $"first must be between 1 and {VideoLimits.MaxPageSize}");
        await EnsureVisibleAsync(viewer);
        var rest = S.Comments.Where(c => after is null || c.Id > after).ToList();
        return new CommentPage([.. rest.Take(first)], rest.Count > first);
    }

    public async Task RecordViewAsync(UserId? viewer)
    {
        await EnsureVisibleAsync(viewer);
        if (S.Status != VideoStatus.Published) return;
        S.Views++;
        await SaveAsync();
        await UpdateCatalogAsync();
        if (viewer is { } person) await Feeds(person).MarkSeenAsync(Self);
    }

    public async Task<RemixSource> AuthorizeRemixAsync(UserId caller)
    {
        await EnsureVisibleAsync(caller);
        if (S.Status == VideoStatus.Removed) throw DomainException.Forbidden("A removed video cannot be remixed");
        var owner = await Users(S.Owner).GetProfileAsync() ?? throw DomainException.NotFound("User");
        if (caller != S.Owner && !owner.AllowRemixes)
            throw DomainException.Forbidden($"@{owner.Handle} does not allow remixes of their videos");
        return new RemixSource([.. S.Lineage, Self], new RemixCredit(Self, S.Owner, owner.Handle));
    }

    public async Task RemixChangedAsync(VideoId remix, bool published)
    {
        if (!S.Exists) return;
        var changed = published ? !S.Remixes.Contains(remix) : S.Remixes.Contains(remix);
        if (!changed) return;
        if (published) S.Remixes.Add(remix);
        else S.Remixes.Remove(remix);
        await SaveAsync();
        await UpdateCatalogAsync();
    }

    public async Task<IReadOnlyList<VideoId>> GetRemixesAsync(UserId? viewer)
    {
        await EnsureVisibleAsync(viewer);
        return [.. Enumerable.Reverse(S.Remixes)];
    }

    private async Task RemoveCoreAsync(string reason)
    {
        var wasPublished = S.Status == VideoStatus.Published;
        S.StatusVersion++;
        S.Status = VideoStatus.Removed;
        S.RemovedReason = reason;
        await SaveAsync();
        if (wasPublished) await AnnounceWithdrawnAsync();
        await TellJobListBestEffortAsync(isDraft: false);
    }

    /// <summary>
    /// Tells the owner's job list, if a job made this video, whether it is a draft, so myDrafts need not load the
    /// published ones (see <see cref="IUserGenerationsGrain.VideoChangedAsync"/>).
    /// </summary>
    private Task TellJobListAsync(bool isDraft, int version) => GenerationIds.GenerationOf(Self.Value) is { } job
        ? GrainFactory.GetGrain<IUserGenerationsGrain>(S.Owner.Value).VideoChangedAsync(job, isDraft, version)
        : Task.CompletedTask;

    /// <summary>
    /// Tells the list after a change. Not a draft any more: a list that still says "draft" only makes myDrafts load this
    /// video and leave it out. A new draft: see <see cref="CreateDraftAsync"/>.
    /// </summary>
    private async Task TellJobListBestEffortAsync(bool isDraft)
    {
        try
        {
            await TellJobListAsync(isDraft, S.StatusVersion);
        }
        catch (Exception e)
        {
            LogJobListNotTold(e, Self.Value, isDraft);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the job list whether video {Video} is a draft ({IsDraft})")]
    private partial void LogJobListNotTold(Exception error, string video, bool isDraft);

    private async Task AnnouncePublishedAsync()
    {
        await Catalog.UpsertAsync(Stats());
        if (S.RemixOf is { } parent) await GrainFactory.GetGrain<IVideoGrain>(parent.Value).RemixChangedAsync(Self, published: true);
        await Users(S.Owner).VideoPublishedAsync(new FeedItem(Self, S.Owner, S.PublishedAt!.Value));
    }

    private async Task AnnounceWithdrawnAsync()
    {
        await Catalog.RemoveAsync(Self);
        if (S.RemixOf is { } parent) await GrainFactory.GetGrain<IVideoGrain>(parent.Value).RemixChangedAsync(Self, published: false);
        await Users(S.Owner).VideoWithdrawnAsync(Self);
    }

    private async Task UpdateCatalogAsync()
    {
        if (S.Status == VideoStatus.Published) await Catalog.UpsertAsync(Stats());
    }

    /// <summary>
    /// Owner: always. Others: only published videos, and never across a block. Whatever is hidden reads
    /// as NOT_FOUND, exactly like an id that does not exist, so drafts do not leak.
    /// </summary>
    private async Task EnsureVisibleAsync(UserId? viewer)
    {
        EnsureExists();
        if (viewer == S.Owner) return;
        if (S.Status != VideoStatus.Published) throw DomainException.NotFound("Video");
        if (viewer is { } person && await Users(S.Owner).IsBlockedEitherWayAsync(person)) throw DomainException.NotFound("Video");
    }

    private async Task EnsureOwnerAsync(UserId caller)
    {
        await EnsureVisibleAsync(caller);
        if (caller != S.Owner) throw DomainException.Forbidden("Only the video's creator may do this");
    }

    private void EnsureExists()
    {
        if (!S.Exists) throw DomainException.NotFound("Video");
    }

    private void EnsurePublished(string action)
    {
        if (S.Status != VideoStatus.Published) throw new DomainException(ErrorCodes.Conflict, $"Only a published video can be {action}");
    }

    /// <summary>Every change of the state goes through here, so <see cref="LocalVideoViews"/> shows it before the change answers.</summary>
    private async Task SaveAsync()
    {
        ShowLocally();
        await state.WriteStateAsync();
    }

    private void ShowLocally()
    {
        if (!S.Exists || S.Status != VideoStatus.Published)
        {
            if (_shown is not null) localViews.Remove(Self, _shown);
            _shown = null;
            return;
        }
        if (_likers is null || _likers.Count != S.Likes.Count) _likers = [.. S.Likes];
        _shown = new PublishedVideoView(View(null), _likers, S.Prompt);
        localViews.Put(Self, _shown);
    }

    private VideoStats Stats() =>
        new(Self, S.Owner, S.PublishedAt ?? S.CreatedAt, S.Likes.Count, S.Comments.Count, S.Views, S.Remixes.Count);

    private VideoView View(UserId? viewer) => new(
        Self, S.Owner, S.SharePrompt || viewer == S.Owner ? S.Prompt : null, S.PlanRef, S.Status, S.RemovedReason, S.Caption, S.RemixOf, S.Lineage, S.Credit,
        S.Cameos, S.Media, S.Provenance,
        new VideoCounts(S.Likes.Count, S.Comments.Count, S.Views, S.Remixes.Count),
        viewer is { } person && S.Likes.Contains(person), S.CreatedAt, S.PublishedAt);

    private IUserGrain Users(UserId user) => GrainFactory.GetGrain<IUserGrain>(user.Value);
    private IFeedGrain Feeds(UserId user) => GrainFactory.GetGrain<IFeedGrain>(user.Value);
    private IVideoCatalogGrain Catalog => GrainFactory.GetGrain<IVideoCatalogGrain>(IVideoCatalogGrain.Key);
}
