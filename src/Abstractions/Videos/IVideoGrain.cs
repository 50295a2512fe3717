using Sora.Abstractions.Users;

namespace Sora.Abstractions.Videos;

/// <summary>
/// One video (key: <see cref="VideoId"/>). Every rule of who may see or change it is checked here, with
/// the caller's id as an argument: drafts and removed videos are visible to their owner only, people who
/// block each other never see each other's videos, and only the owner publishes, unpublishes or deletes.
/// </summary>
[Alias("Sora.IVideoGrain")]
public interface IVideoGrain : IGrainWithStringKey
{
    /// <summary>The pipeline's entry: makes this video a draft of <see cref="DraftSpec.Owner"/>.</summary>
    [Alias("CreateDraft")]
    Task<VideoView> CreateDraftAsync(DraftSpec spec);

    /// <summary>The video as <paramref name="viewer"/> (null: anonymous) may see it, else NOT_FOUND.</summary>
    [Alias("Get"), Orleans.Concurrency.ReadOnly]
    Task<VideoView> GetAsync(UserId? viewer);

    /// <summary>
    /// For <paramref name="viewer"/>'s feed grain, which has already left out every creator hidden from the
    /// viewer (a block is recorded on both people, so the viewer's own graph is enough): the video as the
    /// viewer sees it while it is published, else null.
    /// </summary>
    [Alias("GetForFeed"), Orleans.Concurrency.ReadOnly]
    Task<VideoView?> GetForFeedAsync(UserId viewer);

    [Alias("Publish")]
    Task<VideoView> PublishAsync(UserId caller, string? caption);

    [Alias("Unpublish")]
    Task<VideoView> UnpublishAsync(UserId caller);

    [Alias("Delete")]
    Task DeleteAsync(UserId caller);

    /// <summary>Moderation and consent revocation: removes the video for a reason, whoever owns it.</summary>
    [Alias("Remove")]
    Task RemoveAsync(string reason);

    [Alias("Like")]
    Task<VideoView> LikeAsync(UserId caller);

    [Alias("Unlike")]
    Task<VideoView> UnlikeAsync(UserId caller);

    [Alias("Comment")]
    Task<Comment> CommentAsync(UserId caller, string text);

    /// <summary>The comment's author or the video's owner may delete it.</summary>
    [Alias("DeleteComment")]
    Task DeleteCommentAsync(UserId caller, long commentId);

    [Alias("Comments")]
    Task<CommentPage> GetCommentsAsync(UserId? viewer, int first, long? after);

    [Alias("RecordView")]
    Task RecordViewAsync(UserId? viewer);

    /// <summary>Checks that <paramref name="caller"/> may remix this video and hands back what the remix records.</summary>
    [Alias("AuthorizeRemix")]
    Task<RemixSource> AuthorizeRemixAsync(UserId caller);

    /// <summary>A remix of this video was published (true) or withdrawn (false).</summary>
    [Alias("RemixChanged")]
    Task RemixChangedAsync(VideoId remix, bool published);

    /// <summary>Published remixes, newest first, after the given index.</summary>
    [Alias("Remixes")]
    Task<IReadOnlyList<VideoId>> GetRemixesAsync(UserId? viewer);
}
