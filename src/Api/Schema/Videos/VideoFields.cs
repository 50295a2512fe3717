using GraphQL;
using GraphQL.Types;
using Sora.Abstractions.Videos;

namespace Sora.Api.Schema.Videos;

/// <summary>Videos, reactions and remixes.</summary>
internal static class VideoFields
{
    public static void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<VideoType>>("video")
            .Description("A video by id; NOT_FOUND when it does not exist or the viewer may not see it.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await VideoResolvers.LoadAsync(c, VideoResolvers.IdArgument(c)));

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<VideoType>>("publishVideo")
            .Description($"Publishes one of your drafts (caption: at most {VideoLimits.MaxCaptionLength} characters).")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<StringGraphType>("caption")
            .ResolveAsync(async c => await Video(c).PublishAsync(c.RequireUser(), c.GetArgument<string?>("caption")));
        mutation.Field<NonNullGraphType<VideoType>>("unpublishVideo")
            .Description("Turns one of your published videos back into a draft; it leaves every feed.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await Video(c).UnpublishAsync(c.RequireUser()));
        mutation.Field<NonNullGraphType<BooleanGraphType>>("deleteVideo")
            .Description("Removes one of your videos for good; it leaves every feed.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c =>
            {
                await Video(c).DeleteAsync(c.RequireUser());
                return true;
            });
        mutation.Field<NonNullGraphType<VideoType>>("like")
            .Description("Likes a video; liking twice is the same as once.")
            .Argument<NonNullGraphType<IdGraphType>>("videoId")
            .ResolveAsync(async c => await Video(c, "videoId").LikeAsync(c.RequireUser()));
        mutation.Field<NonNullGraphType<VideoType>>("unlike")
            .Argument<NonNullGraphType<IdGraphType>>("videoId")
            .ResolveAsync(async c => await Video(c, "videoId").UnlikeAsync(c.RequireUser()));
        mutation.Field<NonNullGraphType<CommentType>>("comment")
            .Description($"Comments on a video (at most {VideoLimits.MaxCommentLength} characters).")
            .Argument<NonNullGraphType<IdGraphType>>("videoId")
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .ResolveAsync(async c => await Video(c, "videoId").CommentAsync(c.RequireUser(), c.GetArgument<string>("text")));
        mutation.Field<NonNullGraphType<BooleanGraphType>>("deleteComment")
            .Description("Deletes a comment: yours, or any on your own video.")
            .Argument<NonNullGraphType<IdGraphType>>("videoId")
            .Argument<NonNullGraphType<IdGraphType>>("commentId")
            .ResolveAsync(async c =>
            {
                var commentId = long.TryParse(c.GetArgument<string>("commentId"), out var id) ? id : -1;
                await Video(c, "videoId").DeleteCommentAsync(c.RequireUser(), commentId);
                return true;
            });
        mutation.Field<NonNullGraphType<BooleanGraphType>>("recordView")
            .Description("Counts a view; a signed-in viewer will not be shown the video again in FOR_YOU.")
            .Argument<NonNullGraphType<IdGraphType>>("videoId")
            .ResolveAsync(async c =>
            {
                await Video(c, "videoId").RecordViewAsync(c.Viewer());
                return true;
            });
    }

    private static IVideoGrain Video(IResolveFieldContext context, string argument = "id") =>
        VideoResolvers.Grain(context, VideoResolvers.IdArgument(context, argument));
}
