using Sora.Abstractions.Users;
using Sora.Abstractions.Videos;

namespace Sora.Abstractions.Feeds;

/// <summary>
/// One person's feeds (key: <see cref="UserId"/>): the bounded FOLLOWING inbox that creators fan out into,
/// what they have seen and liked (for FOR_YOU), and the ranked FOR_YOU list of their current session.
/// </summary>
[Alias("Sora.IFeedGrain")]
public interface IFeedGrain : IGrainWithStringKey
{
    [Alias("Deliver")]
    Task DeliverAsync(FeedItem item);

    /// <summary>Older videos of a newly followed creator: kept, but not pushed live.</summary>
    [Alias("Backfill")]
    Task BackfillAsync(IReadOnlyList<FeedItem> items);

    [Alias("Withdraw")]
    Task WithdrawAsync(VideoId video);

    /// <summary>Drops everything of a creator (after an unfollow or a block).</summary>
    [Alias("ForgetCreator")]
    Task ForgetCreatorAsync(UserId creator);

    /// <summary>A page of videos as this person sees them, views included, so a feed query is one call.</summary>
    [Alias("Page")]
    Task<FeedPage> GetPageAsync(FeedKind kind, int first, string? after);

    /// <summary>This person's follows or blocks changed; called by their user grain before it answers.</summary>
    [Alias("GraphChanged")]
    Task GraphChangedAsync();

    [Alias("Seen")]
    Task MarkSeenAsync(VideoId video);

    [Alias("Liked")]
    Task NoteLikeAsync(UserId creator, bool liked);
}
