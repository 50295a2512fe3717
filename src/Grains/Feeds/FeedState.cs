using Sora.Abstractions.Feeds;
using Sora.Abstractions.Users;
using Sora.Abstractions.Videos;

namespace Sora.Grains.Feeds;

[GenerateSerializer, Alias("Sora.FeedState")]
public sealed class FeedState
{
    /// <summary>The FOLLOWING inbox, newest first, bounded.</summary>
    [Id(0)] public List<FeedItem> Inbox { get; set; } = [];

    /// <summary>Seen videos, oldest first, bounded.</summary>
    [Id(1)] public List<VideoId> Seen { get; set; } = [];

    /// <summary>How many videos of each creator this person likes now.</summary>
    [Id(2)] public Dictionary<UserId, int> LikedCreators { get; set; } = [];

    /// <summary>Puts an item at its place; false if it was there already.</summary>
    public bool Insert(FeedItem item, int capacity)
    {
        if (Inbox.Exists(i => i.Video == item.Video)) return false;
        var at = Inbox.FindIndex(i => i.Position.CompareTo(item.Position) > 0);
        Inbox.Insert(at < 0 ? Inbox.Count : at, item);
        if (Inbox.Count > capacity) Inbox.RemoveRange(capacity, Inbox.Count - capacity);
        return Inbox.Contains(item);
    }
}
