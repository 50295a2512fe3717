using GraphQL.Types;
using Sora.Api.Schema.Server;

namespace Sora.Api.Schema;

public sealed class SubscriptionType : ObjectGraphType
{
    public SubscriptionType()
    {
        Name = "Subscription";
        Field<NonNullGraphType<ServerEventType>>("serverEvents")
            .Description("Live server events: announcements, silos joining and leaving.")
            .Argument<LongGraphType>("since", a => a.Description = "Replay retained events with a greater sequence number first.")
            .ResolveStreamAsync(async context => await ServerEventsResolvers.SubscribeAsync(context));
        Feeds.FeedFields.AddSubscriptions(this);
        Generation.GenerationFields.AddSubscriptions(this);
    }
}
