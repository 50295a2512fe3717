using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.TestingHost;
using Sora.Abstractions.Feeds;
using Sora.Abstractions.Users;
using Sora.Abstractions.Videos;
using Sora.Grains.Tests.Infrastructure;
using Sora.Grains.Videos;

namespace Sora.Grains.Tests.Social;

/// <summary>
/// Feed pages read videos from the silo's <see cref="LocalVideoViews"/> instead of their grains, so what a
/// silo holds there must always be what the grain would answer, and only the silo the grain lives in may
/// hold it. These look into both silos of the test cluster.
/// </summary>
public sealed class LocalVideoViewsTests(SoraTestCluster fixture) : IClassFixture<SoraTestCluster>
{
    private readonly SocialWorld _world = new(fixture.Grains);

    private IEnumerable<LocalVideoViews> Silos =>
        fixture.Cluster.Silos.OfType<InProcessSiloHandle>().Select(s => s.SiloHost.Services.GetRequiredService<LocalVideoViews>());

    private List<VideoView> Held(VideoId video, UserId viewer) => [.. Silos.Select(s => s.Find(video, viewer)).OfType<VideoView>()];

    private static object Visible(VideoView v) => new { v.Id, v.Status, v.Caption, v.Counts, v.LikedByViewer, v.PublishedAt };

    /// <summary>Exactly one silo holds the video, and what it holds for this viewer is what the grain answers them.</summary>
    private async Task AssertHeldAsGrainAnswersAsync(VideoId video, UserId viewer)
    {
        var held = Assert.Single(Held(video, viewer));
        var answered = await _world.Video(video).GetForFeedAsync(viewer);
        Assert.NotNull(answered);
        Assert.Equal(Visible(answered), Visible(held));
    }

    [Fact]
    public async Task Only_the_silo_of_a_published_videos_grain_holds_it_and_every_change_shows_there_at_once()
    {
        var ann = await _world.PersonAsync("ann");
        var reader = await _world.PersonAsync("reader");
        var video = await _world.DraftAsync(ann);
        Assert.Empty(Held(video, reader));

        await _world.Video(video).PublishAsync(ann, "look");
        await AssertHeldAsGrainAnswersAsync(video, reader);

        await _world.Video(video).LikeAsync(reader);
        Assert.True(Assert.Single(Held(video, reader)).LikedByViewer);
        Assert.False(Assert.Single(Held(video, ann)).LikedByViewer);
        Assert.Equal(1, Assert.Single(Held(video, ann)).Counts.Likes);

        var comment = await _world.Video(video).CommentAsync(reader, "nice");
        await _world.Video(video).RecordViewAsync(reader);
        await _world.Video(video).PublishAsync(ann, "a better caption");
        await AssertHeldAsGrainAnswersAsync(video, reader);
        Assert.Equal(new VideoCounts(1, 1, 1, 0), Assert.Single(Held(video, reader)).Counts);
        Assert.Equal("a better caption", Assert.Single(Held(video, reader)).Caption);

        await _world.Video(video).DeleteCommentAsync(reader, comment.Id);
        await _world.Video(video).UnlikeAsync(reader);
        await AssertHeldAsGrainAnswersAsync(video, reader);
        Assert.False(Assert.Single(Held(video, reader)).LikedByViewer);

        await _world.Video(video).UnpublishAsync(ann);
        Assert.Empty(Held(video, reader));
        await _world.Video(video).PublishAsync(ann, null);
        await AssertHeldAsGrainAnswersAsync(video, reader);
        await _world.Video(video).DeleteAsync(ann);
        Assert.Empty(Held(video, reader));
    }

    [Fact]
    public async Task A_deactivated_video_leaves_its_silo_and_a_feed_page_reads_it_through_its_grain_wherever_it_comes_back()
    {
        var ann = await _world.PersonAsync("ann");
        var reader = await _world.PersonAsync("reader");
        await _world.User(reader).FollowAsync(ann);
        var videos = new List<VideoId>();
        for (var i = 0; i < 6; i++) videos.Add(await _world.PublishedAsync(ann));

        foreach (var video in videos) await _world.Video(video).Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await WaitUntilAsync(() => videos.All(v => Held(v, reader).Count == 0));

        // Not held anywhere now: the page asks the grains, which come back (on either silo) with what they stored.
        foreach (var video in videos.Take(3)) await _world.Video(video).LikeAsync(reader);
        var page = await _world.Feed(reader).GetPageAsync(FeedKind.Following, 10, null);
        Assert.Equal(Enumerable.Reverse(videos), page.Entries.Select(e => e.Video));
        Assert.Equal(
            Enumerable.Reverse(videos).Select(v => videos.IndexOf(v) < 3),
            page.Entries.Select(e => e.View!.LikedByViewer));
        foreach (var video in videos) await AssertHeldAsGrainAnswersAsync(video, reader);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var waited = TimeSpan.Zero; !condition(); waited += TimeSpan.FromMilliseconds(50))
        {
            Assert.True(waited < TimeSpan.FromSeconds(10), "timed out");
            await Task.Delay(50);
        }
    }
}
