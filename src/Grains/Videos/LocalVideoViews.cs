using System.Collections.Concurrent;
using System.Collections.Immutable;
using Sora.Abstractions.Users;
using Sora.Abstractions.Videos;

namespace Sora.Grains.Videos;

/// <summary>
/// The published videos whose <see cref="VideoGrain"/> is active in this silo, as that activation last
/// saw them, so a feed page reads its twenty videos here instead of making twenty grain calls.
/// </summary>
/// <remarks>
/// Exact, not a cache that may lag: an activation puts its view here when it activates and again in the
/// same turn as every change of its state (before that change answers), and takes it out when it
/// deactivates. A video has at most one activation, so an entry exists only in the silo where the video's
/// state lives, and only while it lives there; anything not here (a video active on another silo, or not
/// published) is read through its grain.
/// </remarks>
public sealed class LocalVideoViews
{
    private readonly ConcurrentDictionary<VideoId, PublishedVideoView> _published = new();

    /// <summary>The video as <paramref name="viewer"/> sees it in a feed, or null when this silo cannot say.</summary>
    public VideoView? Find(VideoId video, UserId viewer) =>
        _published.TryGetValue(video, out var entry) ? entry.For(viewer) : null;

    public int Count => _published.Count;

    internal void Put(VideoId video, PublishedVideoView entry) => _published[video] = entry;

    /// <summary>Takes out the entry of <paramref name="video"/>; with <paramref name="only"/>, only if it is still that one.</summary>
    internal void Remove(VideoId video, PublishedVideoView? only = null)
    {
        if (only is null) _published.TryRemove(video, out _);
        else _published.TryRemove(KeyValuePair.Create(video, only));
    }
}

/// <summary>
/// A published video as every viewer sees it, who likes it, and its prompt, which only its creator sees unless it was
/// shared (the parts that depend on the viewer).
/// </summary>
internal sealed record PublishedVideoView(VideoView View, ImmutableHashSet<UserId> Likers, string Prompt)
{
    public VideoView For(UserId viewer)
    {
        var view = viewer == View.Owner && View.Prompt is null ? View with { Prompt = Prompt } : View;
        return Likers.Contains(viewer) ? view with { LikedByViewer = true } : view;
    }
}
