using System.Globalization;
using GraphQL;
using GraphQL.Types.Relay.DataObjects;
using Sora.Abstractions.Errors;
using Sora.Abstractions.Feeds;
using Sora.Abstractions.Users;
using Sora.Abstractions.Videos;
using Sora.Api.Schema.Paging;

namespace Sora.Api.Schema.Videos;

internal static class VideoResolvers
{
    public static IVideoGrain Grain(IResolveFieldContext context, VideoId id) => context.Grains().GetGrain<IVideoGrain>(id.Value);

    /// <summary>An id from a client: anything not shaped like ours is NOT_FOUND, like an unknown one.</summary>
    public static VideoId ParseId(string? id) =>
        VideoId.TryParse(id, out var parsed) ? parsed : throw DomainException.NotFound("Video");

    public static VideoId IdArgument(IResolveFieldContext context, string name = "id") => ParseId(context.GetArgument<string>(name));

    public static Task<VideoView> LoadAsync(IResolveFieldContext context, VideoId id) => Grain(context, id).GetAsync(context.Viewer());

    public static Task<VideoView?> TryLoadAsync(IResolveFieldContext context, VideoId id) => LoadAsync(context, id).OrNullWhenNotFound();

    /// <summary>The videos the viewer may see, in the given order; the rest are left out silently.</summary>
    public static async Task<IReadOnlyList<VideoView>> LoadVisibleAsync(IResolveFieldContext context, IEnumerable<VideoId> ids)
    {
        var views = await Task.WhenAll(ids.Select(id => TryLoadAsync(context, id)));
        return [.. views.OfType<VideoView>()];
    }

    public static async Task<Connection<VideoView>> PageAsync(IResolveFieldContext context, FeedPage page)
    {
        var views = await Task.WhenAll(page.Entries.Select(e => e.View is { } loaded ? Task.FromResult<VideoView?>(loaded) : TryLoadAsync(context, e.Video)));
        var items = page.Entries.Zip(views).Where(p => p.Second is not null).Select(p => (p.Second!, p.First.Cursor)).ToList();
        return Connections.Of(items, page.HasNextPage, PageArguments.After(context) is not null);
    }

    public static async Task<Connection<VideoView>> CreatorVideosAsync(IResolveFieldContext context, UserId creator)
    {
        var first = PageArguments.First(context);
        var after = FeedCursor.ParsePosition(PageArguments.After(context));
        var items = await context.UserGrain(creator).GetVideosAsync(after, first + 1);
        var entries = items.Take(first).Select(i => new FeedPageEntry(i.Video, FeedCursor.ForPosition(i.Position))).ToList();
        return await PageAsync(context, new FeedPage(entries, items.Count > first));
    }

    public static async Task<Connection<VideoView>> RemixesAsync(IResolveFieldContext context, VideoView video)
    {
        var first = PageArguments.First(context);
        var offset = OffsetCursor.Parse(PageArguments.After(context));
        var remixes = await Grain(context, video.Id).GetRemixesAsync(context.Viewer());
        var entries = remixes.Skip(offset).Take(first).Select((id, i) => new FeedPageEntry(id, OffsetCursor.Format(offset + i + 1))).ToList();
        return await PageAsync(context, new FeedPage(entries, offset + first < remixes.Count));
    }

    public static async Task<Connection<Comment>> CommentsAsync(IResolveFieldContext context, VideoView video)
    {
        var first = PageArguments.First(context);
        long? after = PageArguments.After(context) is { } cursor ? OffsetCursor.Parse(cursor) : null;
        var page = await Grain(context, video.Id).GetCommentsAsync(context.Viewer(), first, after);
        var items = page.Comments.Select(c => (c, OffsetCursor.Format(c.Id))).ToList();
        return Connections.Of(items, page.HasNextPage, after is not null);
    }
}

/// <summary>Cursors that are a plain position in a list (remixes by index, comments by id).</summary>
internal static class OffsetCursor
{
    public static string Format(long position) => "o" + position.ToString(CultureInfo.InvariantCulture);

    public static int Parse(string? cursor)
    {
        if (cursor is null) return 0;
        if (cursor.Length > 1 && cursor[0] == 'o' && int.TryParse(cursor.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var position))
            return position;
        throw DomainException.BadInput("after", "after is not a cursor of this list");
    }
}
