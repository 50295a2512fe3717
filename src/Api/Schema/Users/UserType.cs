using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using Sora.Abstractions.Users;
using Sora.Api.Schema.Paging;
using Sora.Api.Schema.Videos;

namespace Sora.Api.Schema.Users;

public sealed class UserType : ObjectGraphType<UserProfile>
{
    public UserType()
    {
        Name = "User";
        Description = "A person on Sora.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id.Value);
        Field(u => u.Handle).Description("Unique, lower case: 3–30 of a–z, 0–9, '_' and '.'.");
        Field(u => u.DisplayName);
        Field(u => u.Bio);
        Field(u => u.AllowRemixes).Description("Whether others may remix this person's published videos.");
        Field(u => u.FollowerCount);
        Field(u => u.FollowingCount);
        Field(u => u.VideoCount).Description("Published videos.");
        Field(u => u.CreatedAt, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>));
        Field<NonNullGraphType<BooleanGraphType>>("viewerFollows")
            .Description("Whether the signed-in viewer follows this person.")
            .ResolveAsync(async c => (await RelationshipAsync(c))?.Follows ?? false);
        Field<NonNullGraphType<BooleanGraphType>>("followsViewer")
            .ResolveAsync(async c => (await RelationshipAsync(c))?.FollowedBy ?? false);
        Field<NonNullGraphType<BooleanGraphType>>("viewerBlocks")
            .Description("Whether the signed-in viewer has blocked this person.")
            .ResolveAsync(async c => (await RelationshipAsync(c))?.Blocks ?? false);
        Field<NonNullGraphType<ConnectionType<VideoType>>>("videos")
            .Description("Published videos, newest first.")
            .PageArgs()
            .ResolveAsync(async c => await VideoResolvers.CreatorVideosAsync(c, c.Source!.Id));
    }

    private static async Task<Relationship?> RelationshipAsync(IResolveFieldContext<UserProfile> context) =>
        context.Viewer() is { } viewer && viewer != context.Source.Id
            ? await context.UserGrain(viewer).GetRelationshipAsync(context.Source.Id)
            : null;
}
