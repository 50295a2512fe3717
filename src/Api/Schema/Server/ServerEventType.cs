using GraphQL.Types;
using Sora.Abstractions.Server;

namespace Sora.Api.Schema.Server;

public sealed class ServerEventType : ObjectGraphType<ServerEvent>
{
    public ServerEventType()
    {
        Name = "ServerEvent";
        Field(e => e.Sequence, type: typeof(NonNullGraphType<LongGraphType>)).Description("Position in the cluster-wide order of server events.");
        Field(e => e.Kind, type: typeof(NonNullGraphType<ServerEventKindType>));
        Field(e => e.Message);
        Field(e => e.At, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>));
    }
}

public sealed class ServerEventKindType : EnumerationGraphType<ServerEventKind>
{
    public ServerEventKindType() => Name = "ServerEventKind";
}
