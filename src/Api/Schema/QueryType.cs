using GraphQL.Types;
using Sora.Api.Schema.Health;
using Sora.Api.Schema.Server;

namespace Sora.Api.Schema;

public sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        Field<NonNullGraphType<HealthType>>("health")
            .Description("Whether this node serves requests, its version, and the cluster it belongs to.")
            .Resolve(_ => new object());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ServerEventType>>>>("recentServerEvents")
            .Description("The most recent server events, oldest first.")
            .Argument<IntGraphType>("last", a => a.DefaultValue = 20)
            .ResolveAsync(async context => await ServerEventsResolvers.RecentAsync(context));
        Users.UserFields.AddQueries(this);
        Videos.VideoFields.AddQueries(this);
        Feeds.FeedFields.AddQueries(this);
        Generation.GenerationFields.AddQueries(this);
    }
}
