using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using Sora.Abstractions;
using Sora.Abstractions.Feeds;
using Sora.Api.Auth;
using Sora.Api.Schema.Paging;
using Sora.Api.Schema.Videos;
using Sora.Api.Streams;

namespace Sora.Api.Schema.Feeds;

/// <summary>The FOR_YOU and FOLLOWING feeds, a creator's videos, and live feed updates.</summary>
internal static class FeedFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionType<VideoType>>>("feed")
            .Description("Your feed; sign in first.")
            .Argument<NonNullGraphType<FeedKindType>>("kind")
            .PageArgs()
            .ResolveAsync(async c =>
            {
                var me = c.RequireUser();
                var first = PageArguments.First(c);
                var page = await c.Grains().GetGrain<IFeedGrain>(me.Value).GetPageAsync(c.GetArgument<FeedKind>("kind"), first, PageArguments.After(c));
                return await VideoResolvers.PageAsync(c, page);
            });
        query.Field<NonNullGraphType<ConnectionType<VideoType>>>("userVideos")
            .Description("A person's published videos, newest first.")
            .Argument<NonNullGraphType<StringGraphType>>("handle")
            .PageArgs()
            .ResolveAsync(async c =>
            {
                var creator = await c.Service<Accounts>().FindAsync(c.GetArgument<string>("handle"));
                return await VideoResolvers.CreatorVideosAsync(c, creator.Id);
            });
    }

    public static void AddSubscriptions(ObjectGraphType subscription) =>
        subscription.Field<NonNullGraphType<FeedUpdateType>>("feedUpdates")
            .Description("New (and withdrawn) videos of your FOLLOWING feed, live; sign in first.")
            .ResolveStreamAsync(async c => await SubscribeAsync(c));

    /// <summary>
    /// The person's own feed stream, plus the creator stream of each followed fan-in creator (whose videos
    /// are not fanned out). The Orleans subscriptions exist before this returns, so nothing is missed.
    /// </summary>
    private static async Task<IObservable<FeedUpdate>> SubscribeAsync(IResolveFieldContext context)
    {
        var me = context.RequireUser();
        var client = context.Service<IClusterClient>();
        var feedContext = await context.UserGrain(me).GetFeedContextAsync();
        var following = feedContext.Following.ToHashSet();
        var fanIn = (await context.Grains().GetGrain<IFanInDirectoryGrain>(IFanInDirectoryGrain.Key).GetAllAsync()).Where(following.Contains);

        var streams = new[] { FeedStreams.ForUser(me) }.Concat(fanIn.Select(FeedStreams.ForCreator));
        var sources = await Task.WhenAll(streams.Select(id => OrleansStreamSource<FeedUpdate>.OpenAsync(client, StreamNamespaces.Provider, id)));
        return sources.Length == 1 ? sources[0] : new MergedObservable<FeedUpdate>(sources);
    }
}
