using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using Sora.Abstractions;
using Sora.Abstractions.Errors;
using Sora.Abstractions.Generation;
using Sora.Abstractions.Users;
using Sora.Api.Schema.Paging;
using Sora.Api.Schema.Videos;
using Sora.Api.Streams;

namespace Sora.Api.Schema.Generation;

/// <summary>Making videos: createVideo starts a generation, which can be watched live, queried and cancelled.</summary>
internal static class GenerationFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<GenerationType>>("generation")
            .Description("One of your generations; NOT_FOUND for anyone else's.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await Grain(c).GetAsync(c.RequireUser().Value));
        query.Field<NonNullGraphType<ConnectionType<GenerationType>>>("myGenerations")
            .Description($"Your generations, newest first: queued, running and finished (the last {IUserGenerationsGrain.Capacity}). Sign in first.")
            .PageArgs()
            .ResolveAsync(async c => await OwnWorkResolvers.GenerationsAsync(c));
        query.Field<NonNullGraphType<ConnectionType<VideoType>>>("myDrafts")
            .Description($"Your drafts, newest first (those made by your last {IUserGenerationsGrain.Capacity} generations). Sign in first.")
            .PageArgs()
            .ResolveAsync(async c => await OwnWorkResolvers.DraftsAsync(c));
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<GenerationType>>("createVideo")
            .Description("Starts generating a video from a prompt (optionally remixing another); the result becomes one of your drafts. Sign in first.")
            .Argument<NonNullGraphType<CreateVideoInputType>>("input")
            .ResolveAsync(async c => await CreateAsync(c));
        mutation.Field<NonNullGraphType<GenerationType>>("cancelGeneration")
            .Description("Stops one of your generations; whatever it made so far is removed. A finished one is returned unchanged.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await Grain(c).CancelAsync(c.RequireUser().Value));
    }

    public static void AddSubscriptions(ObjectGraphType subscription) =>
        subscription.Field<NonNullGraphType<GenerationEventType>>("generation")
            .Description("Everything that happened to one of your generations so far, then its events live; completes after COMPLETED, FAILED or CANCELLED.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveStreamAsync(async c => await SubscribeAsync(c));

    private static async Task<GenerationView> CreateAsync(IResolveFieldContext context)
    {
        var me = context.RequireUser();
        var input = context.GetArgument<CreateVideoInput>("input");
        var (width, height) = ParseSize(input.Size);
        if (input.RemixOf is { } parent)
            await VideoResolvers.Grain(context, VideoResolvers.ParseId(parent)).AuthorizeRemixAsync(me);
        var profile = await context.UserGrain(me).GetProfileAsync() ?? throw DomainException.NotFound("User");
        var spec = new GenerationSpec(me.Value, input.Prompt, input.Seconds, width, height, input.Seed ?? Random.Shared.NextInt64(0, 1L << 48))
        {
            Fps = input.Fps,
            Style = input.Style,
            Engine = input.Engine,
            CameoIds = input.CameoIds ?? [],
            RemixOf = input.RemixOf,
            OwnerHandle = profile.Handle,
            SharePrompt = input.SharePrompt,
        };
        var id = GenerationIds.For(me.Value, input.ClientMutationId);
        return await context.Grains().GetGrain<IGenerationGrain>(id).SubmitAsync(spec);
    }

    /// <summary>
    /// Subscribes to the job's stream first, then replays its history: nothing is missed, and live events the
    /// history already held are dropped by their sequence number.
    /// </summary>
    private static async Task<IObservable<GenerationEvent>> SubscribeAsync(IResolveFieldContext context)
    {
        var me = context.RequireUser();
        var id = ParseId(context.GetArgument<string>("id"));
        var grain = context.Grains().GetGrain<IGenerationGrain>(id);
        await grain.GetAsync(me.Value); // NOT_FOUND before any subscription is made
        long seen = 0;
        var source = await OrleansStreamSource<GenerationEvent>.OpenAsync(context.Service<IClusterClient>(), StreamNamespaces.Provider,
            GenerationStreams.Of(id),
            admit: e =>
            {
                if (e.Sequence <= seen) return false;
                seen = e.Sequence;
                return true;
            },
            isLast: e => e.Kind is GenerationEventKind.Completed or GenerationEventKind.Failed or GenerationEventKind.Cancelled);
        return source.WithBacklog(await grain.HistoryAsync(me.Value));
    }

    private static IGenerationGrain Grain(IResolveFieldContext context) =>
        context.Grains().GetGrain<IGenerationGrain>(ParseId(context.GetArgument<string>("id")));

    private static Guid ParseId(string? id) => Guid.TryParse(id, out var guid) ? guid : throw DomainException.NotFound("generation");

    private static (int Width, int Height) ParseSize(string size)
    {
        if (FrameSize.TryParse(size, out var width, out var height)) return (width, height);
        throw DomainException.BadInput("size", $"size '{size}' is not WIDTHxHEIGHT, e.g. 854x480");
    }
}
