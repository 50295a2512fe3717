using GraphQL.Types;
using Sora.Api.Schema.Server;

namespace Sora.Api.Schema;

public sealed class MutationType : ObjectGraphType
{
    public MutationType()
    {
        Name = "Mutation";
        Field<NonNullGraphType<ServerEventType>>("announce")
            .Description("Operators only: publish an announcement to every serverEvents subscriber.")
            .Argument<NonNullGraphType<StringGraphType>>("message")
            .ResolveAsync(async context => await ServerEventsResolvers.AnnounceAsync(context));
        Users.UserFields.AddMutations(this);
        Videos.VideoFields.AddMutations(this);
        Generation.GenerationFields.AddMutations(this);
    }
}
