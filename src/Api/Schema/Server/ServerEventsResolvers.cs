using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using Sora.Abstractions;
using Sora.Abstractions.Errors;
using Sora.Abstractions.Server;
using Sora.Api.Auth;
using Sora.Api.Streams;

namespace Sora.Api.Schema.Server;

internal static class ServerEventsResolvers
{
    private static IServerEventsGrain Grain(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<IGrainFactory>().GetGrain<IServerEventsGrain>(IServerEventsGrain.Key);

    public static async Task<IReadOnlyList<ServerEvent>> RecentAsync(IResolveFieldContext context)
    {
        var last = context.GetArgument<int>("last");
        if (last is < 1 or > 100) throw DomainException.BadInput("last", "last must be between 1 and 100");
        return await Grain(context).RecentAsync(last);
    }

    public static async Task<ServerEvent> AnnounceAsync(IResolveFieldContext context)
    {
        if (!RequestCaller.From(context).IsOperator)
            throw DomainException.Forbidden("Only operators may announce");
        return await Grain(context).PublishAsync(ServerEventKind.Announcement, context.GetArgument<string>("message"));
    }

    /// <summary>
    /// Live events; with <c>since</c>, first the retained ones after that sequence number, so a client that
    /// reconnects misses nothing. Subscribing before reading the backlog, then dropping what was already
    /// sent, leaves no gap between the two.
    /// </summary>
    public static async Task<IObservable<ServerEvent>> SubscribeAsync(IResolveFieldContext context)
    {
        var since = context.GetArgument<long?>("since");
        var lastSent = since ?? long.MinValue;
        var source = await OrleansStreamSource<ServerEvent>.OpenAsync(
            context.RequestServices!.GetRequiredService<IClusterClient>(),
            StreamNamespaces.Provider,
            ServerStreams.Events,
            admit: e =>
            {
                if (e.Sequence <= lastSent) return false;
                lastSent = e.Sequence;
                return true;
            });
        if (since is null) return source;
        var backlog = await Grain(context).RecentAsync(ServerEventsMaxBacklog);
        return source.WithBacklog(backlog);
    }

    private const int ServerEventsMaxBacklog = 100;
}
