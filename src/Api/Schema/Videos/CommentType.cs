using GraphQL.Types;
using Sora.Abstractions.Errors;
using Sora.Abstractions.Videos;
using Sora.Api.Schema.Users;

namespace Sora.Api.Schema.Videos;

public sealed class CommentType : ObjectGraphType<Comment>
{
    public CommentType()
    {
        Name = "Comment";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field<NonNullGraphType<IdGraphType>>("videoId").Resolve(c => c.Source.Video.Value);
        Field<NonNullGraphType<UserType>>("author")
            .ResolveAsync(async c => await c.Service<CreatorProfiles>().GetAsync(c.Source.Author) ?? throw DomainException.NotFound("User"));
        Field(c => c.Text);
        Field("createdAt", c => c.At, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>));
    }
}
