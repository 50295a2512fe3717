using Sora.Abstractions.Errors;
using Sora.Abstractions.Feeds;
using Sora.Abstractions.Generation;
using Sora.Abstractions.Videos;
using Sora.Grains.Tests.Infrastructure;

namespace Sora.Grains.Tests.Social;

public sealed class VideoGrainTests(SoraTestCluster fixture) : IClassFixture<SoraTestCluster>
{
    private readonly SocialWorld _world = new(fixture.Grains);

    private static async Task<string> CodeOf(Func<Task> action) => (await Assert.ThrowsAsync<DomainException>(action)).Code;

    [Fact]
    public async Task A_draft_is_visible_to_its_owner_only_and_reads_as_missing_to_others()
    {
        var ann = await _world.PersonAsync("ann");
        var ben = await _world.PersonAsync("ben");
        var draft = await _world.DraftAsync(ann);

        Assert.Equal(VideoStatus.Draft, (await _world.Video(draft).GetAsync(ann)).Status);
        var hidden = await Assert.ThrowsAsync<DomainException>(() => _world.Video(draft).GetAsync(ben));
        var missing = await Assert.ThrowsAsync<DomainException>(() => _world.Video(VideoId.New()).GetAsync(ben));
        Assert.Equal(ErrorCodes.NotFound, hidden.Code);
        Assert.Equal(missing.Message, hidden.Message);
        Assert.Equal(ErrorCodes.NotFound, await CodeOf(() => _world.Video(draft).GetAsync(null)));
    }

    [Fact]
    public async Task Only_the_owner_may_publish_unpublish_or_delete()
    {
        var ann = await _world.PersonAsync("ann");
        var ben = await _world.PersonAsync("ben");
        var draft = await _world.DraftAsync(ann);
        var published = await _world.PublishedAsync(ann);

        Assert.Equal(ErrorCodes.NotFound, await CodeOf(() => _world.Video(draft).PublishAsync(ben, "mine now")));
        Assert.Equal(ErrorCodes.NotFound, await CodeOf(() => _world.Video(draft).DeleteAsync(ben)));
        Assert.Equal(ErrorCodes.Forbidden, await CodeOf(() => _world.Video(published).UnpublishAsync(ben)));
        Assert.Equal(ErrorCodes.Forbidden, await CodeOf(() => _world.Video(published).DeleteAsync(ben)));
        Assert.Equal(ErrorCodes.Forbidden, await CodeOf(() => _world.Video(published).PublishAsync(ben, "new caption")));

        Assert.Equal(VideoStatus.Draft, (await _world.Video(draft).GetAsync(ann)).Status);
        var stillThere = await _world.Video(published).GetAsync(ben);
        Assert.Equal(VideoStatus.Published, stillThere.Status);
        Assert.Equal("look", stillThere.Caption);
    }

    [Fact]
    public async Task Likes_are_idempotent_and_counted_once_per_person()
    {
        var ann = await _world.PersonAsync("ann");
        var ben = await _world.PersonAsync("ben");
        var video = await _world.PublishedAsync(ann);

        await _world.Video(video).LikeAsync(ben);
        var twice = await _world.Video(video).LikeAsync(ben);
        Assert.Equal(1, twice.Counts.Likes);
        Assert.True(twice.LikedByViewer);

        await _world.Video(video).UnlikeAsync(ben);
        var none = await _world.Video(video).UnlikeAsync(ben);
        Assert.Equal(0, none.Counts.Likes);
    }

    [Fact]
    public async Task Comments_are_limited_and_deleted_only_by_their_author_or_the_videos_owner()
    {
        var ann = await _world.PersonAsync("ann");
        var ben = await _world.PersonAsync("ben");
        var cat = await _world.PersonAsync("cat");
        var video = await _world.PublishedAsync(ann);

        var error = await Assert.ThrowsAsync<DomainException>(() => _world.Video(video).CommentAsync(ben, new string('x', VideoLimits.MaxCommentLength + 1)));
        Assert.Equal(("BAD_USER_INPUT", "text"), (error.Code, error.Field));
        var longest = await _world.Video(video).CommentAsync(ben, new string('x', VideoLimits.MaxCommentLength));
        var second = await _world.Video(video).CommentAsync(ben, "nice");

        Assert.Equal(ErrorCodes.Forbidden, await CodeOf(() => _world.Video(video).DeleteCommentAsync(cat, longest.Id)));
        await _world.Video(video).DeleteCommentAsync(ann, longest.Id);
        await _world.Video(video).DeleteCommentAsync(ben, second.Id);
        Assert.Equal(0, (await _world.Video(video).GetAsync(cat)).Counts.Comments);
    }

    [Fact]
    public async Task A_blocked_person_cannot_see_comment_on_like_or_remix_the_blockers_videos()
    {
        var ann = await _world.PersonAsync("ann");
        var ben = await _world.PersonAsync("ben");
        var video = await _world.PublishedAsync(ann);
        await _world.User(ann).BlockAsync(ben);

        Assert.Equal(ErrorCodes.NotFound, await CodeOf(() => _world.Video(video).GetAsync(ben)));
        Assert.Equal(ErrorCodes.NotFound, await CodeOf(() => _world.Video(video).CommentAsync(ben, "hi")));
        Assert.Equal(ErrorCodes.NotFound, await CodeOf(() => _world.Video(video).LikeAsync(ben)));
        Assert.Equal(ErrorCodes.NotFound, await CodeOf(() => _world.DraftAsync(ben, "my take", remixOf: video)));
    }

    [Fact]
    public async Task A_remix_records_its_lineage_and_credits_the_parents_creator()
    {
        var ann = await _world.PersonAsync("ann");
        var ben = await _world.PersonAsync("ben");
        var cat = await _world.PersonAsync("cat");
        var root = await _world.PublishedAsync(ann);
        var remix = await _world.PublishedAsync(ben, "same but underwater", remixOf: root);
        var remixOfRemix = await _world.DraftAsync(cat, "same but on the moon", remixOf: remix);

        var view = await _world.Video(remixOfRemix).GetAsync(cat);
        Assert.Equal([root, remix], view.Lineage);
        Assert.Equal(remix, view.RemixOf);
        Assert.Equal(ben, view.Credit!.Creator);
        Assert.Equal([remix], await _world.Video(root).GetRemixesAsync(cat));
        Assert.Equal(1, (await _world.Video(root).GetAsync(cat)).Counts.Remixes);
    }

    [Fact]
    public async Task Remixing_is_refused_when_the_owner_turned_it_off_but_they_may_remix_their_own()
    {
        var ann = await _world.PersonAsync("ann");
        var ben = await _world.PersonAsync("ben");
        var video = await _world.PublishedAsync(ann);
        await _world.User(ann).UpdateProfileAsync(new Abstractions.Users.ProfileChange(null, null, AllowRemixes: false));

        Assert.Equal(ErrorCodes.Forbidden, await CodeOf(() => _world.DraftAsync(ben, "my take", remixOf: video)));
        var own = await _world.DraftAsync(ann, "my own take", remixOf: video);
        Assert.Equal(video, (await _world.Video(own).GetAsync(ann)).RemixOf);
    }

    [Fact]
    public async Task A_removed_video_leaves_the_feeds_and_reads_as_missing()
    {
        var ann = await _world.PersonAsync("ann");
        var ben = await _world.PersonAsync("ben");
        await _world.User(ben).FollowAsync(ann);
        var video = await _world.PublishedAsync(ann);
        Assert.Contains(video, await _world.FeedAsync(ben, FeedKind.Following));
        Assert.Contains(video, await _world.FeedAsync(ben, FeedKind.ForYou));

        await _world.Video(video).RemoveAsync("Consent for a cameo was revoked");

        Assert.DoesNotContain(video, await _world.FeedAsync(ben, FeedKind.Following));
        Assert.DoesNotContain(video, await _world.FeedAsync(ben, FeedKind.ForYou));
        Assert.Equal(ErrorCodes.NotFound, await CodeOf(() => _world.Video(video).GetAsync(ben)));
        var owners = await _world.Video(video).GetAsync(ann);
        Assert.Equal((VideoStatus.Removed, "Consent for a cameo was revoked"), (owners.Status, owners.RemovedReason));
    }
}

/// <summary>A video a job made tells its owner's job list whether it is a draft, as it is published, unpublished and deleted.</summary>
public sealed class VideoJobListTests(SoraTestCluster fixture) : IClassFixture<SoraTestCluster>
{
    private readonly SocialWorld _world = new(fixture.Grains);

    [Fact]
    public async Task Publishing_unpublishing_and_deleting_are_noted_in_the_owners_job_list()
    {
        var ann = await _world.PersonAsync("ann");
        var job = Guid.NewGuid();
        var jobs = fixture.Grains.GetGrain<IUserGenerationsGrain>(ann.Value);
        await jobs.AddAsync(new UserGeneration(job, DateTimeOffset.UtcNow));
        var video = _world.Video(new VideoId(GenerationIds.VideoIdFor(job)));
        await video.CreateDraftAsync(new DraftSpec(ann, "a kite over the dunes"));
        async Task<bool?> Noted() => (await jobs.ListAsync(ann.Value, null, 10)).Generations.Single().VideoIsDraft;

        Assert.True(await Noted());
        await video.PublishAsync(ann, "up it goes");
        Assert.False(await Noted());
        await video.UnpublishAsync(ann);
        Assert.True(await Noted());
        await video.DeleteAsync(ann);
        Assert.False(await Noted());
    }

    [Fact]
    public async Task A_job_that_ended_without_a_video_is_noted_but_a_draft_made_before_or_after_still_shows()
    {
        var ann = await _world.PersonAsync("ann");
        var jobs = fixture.Grains.GetGrain<IUserGenerationsGrain>(ann.Value);
        var (cancelledThenMade, madeThenFailed) = (Guid.NewGuid(), Guid.NewGuid());
        await jobs.AddAsync(new UserGeneration(cancelledThenMade, DateTimeOffset.UtcNow));
        await jobs.AddAsync(new UserGeneration(madeThenFailed, DateTimeOffset.UtcNow));
        async Task<bool?> Noted(Guid job) => (await jobs.ListAsync(ann.Value, null, 10)).Generations.Single(g => g.Id == job).VideoIsDraft;

        await jobs.EndedWithoutVideoAsync(cancelledThenMade);
        Assert.False(await Noted(cancelledThenMade));
        await _world.Video(new VideoId(GenerationIds.VideoIdFor(cancelledThenMade))).CreateDraftAsync(new DraftSpec(ann, "a kite over the dunes"));
        Assert.True(await Noted(cancelledThenMade));

        await _world.Video(new VideoId(GenerationIds.VideoIdFor(madeThenFailed))).CreateDraftAsync(new DraftSpec(ann, "a boat on the lake"));
        await jobs.EndedWithoutVideoAsync(madeThenFailed);
        Assert.True(await Noted(madeThenFailed));
    }

    [Fact]
    public async Task A_job_not_in_the_list_changes_nothing()
    {
        var ann = await _world.PersonAsync("ann");
        var jobs = fixture.Grains.GetGrain<IUserGenerationsGrain>(ann.Value);
        var listed = Guid.NewGuid();
        await jobs.AddAsync(new UserGeneration(listed, DateTimeOffset.UtcNow));

        await _world.PublishedAsync(ann);
        await jobs.VideoChangedAsync(Guid.NewGuid(), isDraft: false, version: 1);

        Assert.Null((await jobs.ListAsync(ann.Value, null, 10)).Generations.Single().VideoIsDraft);
        Assert.Equal(listed, GenerationIds.GenerationOf(GenerationIds.VideoIdFor(listed)));
        Assert.Null(GenerationIds.GenerationOf("not-a-job"));
    }
}
