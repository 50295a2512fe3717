using GraphQL.Types;
using Sora.Abstractions.Users;

namespace Sora.Api.Schema.Users;

public sealed record AuthPayload(string Token, UserProfile User);

public sealed class AuthPayloadType : ObjectGraphType<AuthPayload>
{
    public AuthPayloadType()
    {
        Name = "AuthPayload";
        Field(p => p.Token).Description("Send as 'Authorization: Bearer TOKEN' (or as connection_init payload.authorization).");
        Field(p => p.User, type: typeof(NonNullGraphType<UserType>));
    }
}
