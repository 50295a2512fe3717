using GraphQL.Types;
using GraphQL.Types.Relay;
using Sora.Abstractions.Errors;
using Sora.Abstractions.Videos;
using Sora.Api.Schema.Paging;
using Sora.Api.Schema.Users;

namespace Sora.Api.Schema.Videos;

public sealed class VideoType : ObjectGraphType<VideoView>
{
    public VideoType()
    {
        Name = "Video";
        Description = "A generated video. Drafts and removed videos are visible to their creator only.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id.Value);
        Field<NonNullGraphType<UserType>>("creator")
            .ResolveAsync(async c => await c.Service<CreatorProfiles>().GetAsync(c.Source.Owner) ?? throw DomainException.NotFound("User"));
        Field(v => v.Prompt, nullable: true)
            .Description("What the video was made from: shown to its creator, and to everyone if the creator chose sharePrompt.");
        Field(v => v.PlanRef, nullable: true).Description("The scene plan the video was generated from.");
        Field(v => v.Status, type: typeof(NonNullGraphType<VideoStatusType>));
        Field(v => v.RemovedReason, nullable: true);
        Field(v => v.Caption, nullable: true);
        Field<StringGraphType>("credit")
            .Description("For a remix: the credit to the parent's creator, shown with the caption.")
            .Resolve(c => c.Source.Credit?.Text);
        Field<VideoType>("remixOf")
            .Description("The video this one remixes, when the viewer may see it.")
            .ResolveAsync(async c => c.Source.RemixOf is { } parent ? await VideoResolvers.TryLoadAsync(c, parent) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<VideoType>>>>("lineage")
            .Description("The remix chain from the original down to the direct parent (those the viewer may see).")
            .ResolveAsync(async c => await VideoResolvers.LoadVisibleAsync(c, c.Source.Lineage));
        Field<NonNullGraphType<ConnectionType<VideoType>>>("remixes")
            .Description("Published remixes of this video, newest first.")
            .PageArgs()
            .ResolveAsync(async c => await VideoResolvers.RemixesAsync(c, c.Source!));
        Field(v => v.Cameos, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>));
        Field(v => v.Media, type: typeof(VideoMediaType));
        Field(v => v.Provenance, nullable: true).Description("Summary of the signed C2PA manifest.");
        Field<NonNullGraphType<IntGraphType>>("likeCount").Resolve(c => c.Source.Counts.Likes);
        Field<NonNullGraphType<IntGraphType>>("commentCount").Resolve(c => c.Source.Counts.Comments);
        Field<NonNullGraphType<IntGraphType>>("viewCount").Resolve(c => c.Source.Counts.Views);
        Field<NonNullGraphType<IntGraphType>>("remixCount").Resolve(c => c.Source.Counts.Remixes);
        Field(v => v.LikedByViewer);
        Field(v => v.CreatedAt, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>));
        Field(v => v.PublishedAt, type: typeof(DateTimeOffsetGraphType));
        Field<NonNullGraphType<ConnectionType<CommentType>>>("comments")
            .Description("Oldest first.")
            .PageArgs()
            .ResolveAsync(async c => await VideoResolvers.CommentsAsync(c, c.Source!));
    }
}

public sealed class VideoStatusType : EnumerationGraphType<VideoStatus>
{
    public VideoStatusType() => Name = "VideoStatus";
}

public sealed class VideoMediaType : ObjectGraphType<VideoMedia>
{
    public VideoMediaType()
    {
        Name = "VideoMedia";
        Field(m => m.Url);
        Field(m => m.DurationSeconds);
        Field(m => m.Width);
        Field(m => m.Height);
        Field(m => m.PosterUrl, nullable: true).Description("A still of the video (JPEG).");
    }
}
