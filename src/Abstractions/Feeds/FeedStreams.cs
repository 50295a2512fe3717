using Orleans.Runtime;
using Sora.Abstractions.Users;

namespace Sora.Abstractions.Feeds;

/// <summary>Stream ids of the feed namespaces.</summary>
public static class FeedStreams
{
    /// <summary>Updates of one person's FOLLOWING feed.</summary>
    public static StreamId ForUser(UserId user) => StreamId.Create(StreamNamespaces.Feed, user.Value);

    /// <summary>New videos of a fan-in creator, heard by each follower's live subscription.</summary>
    public static StreamId ForCreator(UserId creator) => StreamId.Create(StreamNamespaces.Creator, creator.Value);
}
