using GraphQL.Types;

namespace Sora.Api.Schema;

/// <summary>The one GraphQL schema of Sora; <c>src/Api/schema.graphql</c> is its printed SDL.</summary>
public sealed class SoraSchema : GraphQL.Types.Schema
{
    public SoraSchema(IServiceProvider services, QueryType query, MutationType mutation, SubscriptionType subscription)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
        Description = "Sora: generated short videos with sound, marked and signed, in a social feed.";
    }
}
