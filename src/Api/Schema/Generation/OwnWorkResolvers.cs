using GraphQL;
using GraphQL.Types.Relay.DataObjects;
using Sora.Abstractions.Errors;
using Sora.Abstractions.Generation;
using Sora.Abstractions.Users;
using Sora.Abstractions.Videos;
using Sora.Api.Schema.Paging;
using Sora.Api.Schema.Videos;

namespace Sora.Api.Schema.Generation;

/// <summary>
/// The signed-in person's own work: their generations, and the drafts among the videos those made (every video on
/// Sora comes from a generation). Both walk the person's list of jobs; each job and video answers for itself, so an
/// entry whose job was never saved, or whose video is not a draft any more, is left out.
/// </summary>
internal static class OwnWorkResolvers
{
    /// <summary>Drafts are usually few among many published videos: their list is read a full page at a time.</summary>
    private const int DraftBatch = 100;

    public static Task<Connection<GenerationView>> GenerationsAsync(IResolveFieldContext context) =>
        WalkAsync(context, first => Math.Min(first + 1, VideoLimits.MaxPageSize), (me, generation) =>
            context.Grains().GetGrain<IGenerationGrain>(generation.Id).GetAsync(me.Value).OrNullWhenNotFound());

    public static Task<Connection<VideoView>> DraftsAsync(IResolveFieldContext context) =>
        WalkAsync(context, _ => DraftBatch, async (_, generation) =>
        {
            // Published or removed, as its video told the list: not worth loading. Otherwise the video answers for itself.
            if (generation.VideoIsDraft == false) return null;
            var video = await VideoResolvers.TryLoadAsync(context, new VideoId(GenerationIds.VideoIdFor(generation.Id)));
            return video?.Status == VideoStatus.Draft ? video : null;
        });

    private static async Task<Connection<T>> WalkAsync<T>(IResolveFieldContext context, Func<int, int> batchFor, Func<UserId, UserGeneration, Task<T?>> load)
        where T : class
    {
        var me = context.RequireUser();
        var first = PageArguments.First(context);
        var cursor = ParseCursor(PageArguments.After(context));
        var list = context.Grains().GetGrain<IUserGenerationsGrain>(me.Value);
        var found = new List<(T Item, string Cursor)>(first);
        var hasNextPage = false;
        for (var after = cursor; !hasNextPage;)
        {
            var page = await list.ListAsync(me.Value, after, batchFor(first));
            var loaded = await Task.WhenAll(page.Generations.Select(generation => load(me, generation)));
            foreach (var (generation, item) in page.Generations.Zip(loaded))
            {
                if (item is null) continue;
                // One more than asked for tells that there is a next page.
                if (found.Count == first) { hasNextPage = true; break; }
                found.Add((item, generation.Id.ToString("N")));
            }
            if (!page.HasMore) break;
            after = page.Generations[^1].Id;
        }
        return Connections.Of(found, hasNextPage, cursor is not null);
    }

    private static Guid? ParseCursor(string? after) =>
        after is null ? null
        : Guid.TryParseExact(after, "N", out var id) ? id
        : throw DomainException.BadInput("after", "after is not a cursor of this list");
}
