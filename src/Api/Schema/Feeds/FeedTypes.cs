using GraphQL.Types;
using Sora.Abstractions.Feeds;
using Sora.Api.Schema.Videos;

namespace Sora.Api.Schema.Feeds;

public sealed class FeedKindType : EnumerationGraphType<FeedKind>
{
    public FeedKindType()
    {
        Name = "FeedKind";
        Description = "FOR_YOU: ranked for you (see docs/feed-ranking.md). FOLLOWING: newest first from people you follow.";
    }
}

public sealed class FeedUpdateKindType : EnumerationGraphType<FeedUpdateKind>
{
    public FeedUpdateKindType() => Name = "FeedUpdateKind";
}

public sealed class FeedUpdateType : ObjectGraphType<FeedUpdate>
{
    public FeedUpdateType()
    {
        Name = "FeedUpdate";
        Description = "A change to your FOLLOWING feed.";
        Field(u => u.Kind, type: typeof(NonNullGraphType<FeedUpdateKindType>));
        Field<NonNullGraphType<IdGraphType>>("videoId").Resolve(c => c.Source.Video.Value);
        Field<VideoType>("video")
            .Description("The video, for ADDED while you may still see it.")
            .ResolveAsync(async c => c.Source.Kind == FeedUpdateKind.Added ? await VideoResolvers.TryLoadAsync(c, c.Source.Video) : null);
        Field(u => u.At, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>));
    }
}
