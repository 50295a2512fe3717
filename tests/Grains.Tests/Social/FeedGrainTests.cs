using Orleans.Streams;
using Sora.Abstractions;
using Sora.Abstractions.Errors;
using Sora.Abstractions.Feeds;
using Sora.Abstractions.Videos;
using Sora.Grains.Tests.Infrastructure;

namespace Sora.Grains.Tests.Social;

public sealed class FeedGrainTests(SoraTestCluster fixture) : IClassFixture<SoraTestCluster>
{
    private readonly SocialWorld _world = new(fixture.Grains);

    [Fact]
    public async Task Following_is_newest_first_from_followed_creators_only()
    {
        var ann = await _world.PersonAsync("ann");
        var ben = await _world.PersonAsync("ben");
        var stranger = await _world.PersonAsync("stranger");
        var reader = await _world.PersonAsync("reader");
        await _world.User(reader).FollowAsync(ann);
        await _world.User(reader).FollowAsync(ben);

        var first = await _world.PublishedAsync(ann);
        var second = await _world.PublishedAsync(ben);
        var third = await _world.PublishedAsync(ann);
        await _world.PublishedAsync(stranger);

        Assert.Equal([third, second, first], await _world.FeedAsync(reader, FeedKind.Following));
    }

    [Fact]
    public async Task Pages_follow_each_other_without_gaps_or_repeats()
    {
        var ann = await _world.PersonAsync("ann");
        var reader = await _world.PersonAsync("reader");
        await _world.User(reader).FollowAsync(ann);
        var videos = new List<VideoId>();
        for (var i = 0; i < 5; i++) videos.Add(await _world.PublishedAsync(ann));

        var seen = new List<VideoId>();
        string? after = null;
        bool more;
        do
        {
            var page = await _world.Feed(reader).GetPageAsync(FeedKind.Following, 2, after);
            seen.AddRange(page.Entries.Select(e => e.Video));
            after = page.Entries.LastOrDefault()?.Cursor;
            more = page.HasNextPage;
        } while (more);

        Assert.Equal(Enumerable.Reverse(videos), seen);
    }

    [Fact]
    public async Task A_creator_over_the_fan_in_threshold_is_read_at_query_time_and_still_heard_live()
    {
        var star = await _world.PersonAsync("star");
        var fans = await Task.WhenAll(Enumerable.Range(0, SoraTestCluster.FanInThreshold + 1).Select(i => _world.PersonAsync("fan" + i)));
        foreach (var fan in fans) await _world.User(fan).FollowAsync(star);
        Assert.True(await _world.User(star).IsFanInAsync());

        var heard = new TaskCompletionSource<FeedUpdate>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stream = fixture.Cluster.Client.GetStreamProvider(StreamNamespaces.Provider).GetStream<FeedUpdate>(FeedStreams.ForCreator(star));
        var handle = await stream.SubscribeAsync((u, _) => { heard.TrySetResult(u); return Task.CompletedTask; });

        var video = await _world.PublishedAsync(star);

        Assert.Equal(video, (await heard.Task.WaitAsync(TimeSpan.FromSeconds(10))).Video);
        foreach (var fan in fans) Assert.Equal([video], await _world.FeedAsync(fan, FeedKind.Following));
        await handle.UnsubscribeAsync();
    }

    [Fact]
    public async Task A_followers_feed_stream_hears_a_new_video()
    {
        var ann = await _world.PersonAsync("ann");
        var reader = await _world.PersonAsync("reader");
        await _world.User(reader).FollowAsync(ann);
        var heard = new TaskCompletionSource<FeedUpdate>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stream = fixture.Cluster.Client.GetStreamProvider(StreamNamespaces.Provider).GetStream<FeedUpdate>(FeedStreams.ForUser(reader));
        var handle = await stream.SubscribeAsync((u, _) => { heard.TrySetResult(u); return Task.CompletedTask; });

        var video = await _world.PublishedAsync(ann);

        var update = await heard.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((FeedUpdateKind.Added, video, ann), (update.Kind, update.Video, update.Creator));
        await handle.UnsubscribeAsync();
    }

    [Fact]
    public async Task For_you_never_shows_the_same_creator_twice_in_a_row_nor_what_was_seen()
    {
        var ann = await _world.PersonAsync("ann");
        var ben = await _world.PersonAsync("ben");
        var reader = await _world.PersonAsync("reader");
        var annVideos = new List<VideoId>();
        for (var i = 0; i < 3; i++) annVideos.Add(await _world.PublishedAsync(ann));
        var benVideo = await _world.PublishedAsync(ben);
        await _world.Video(annVideos[0]).RecordViewAsync(reader);

        var feed = await _world.FeedAsync(reader, FeedKind.ForYou, 100);
        var mine = feed.Where(v => annVideos.Contains(v) || v == benVideo).ToList();

        Assert.DoesNotContain(annVideos[0], feed);
        var creators = await Task.WhenAll(feed.Select(async v => (await _world.Video(v).GetAsync(reader)).Owner));
        for (var i = 1; i < creators.Length; i++) Assert.NotEqual(creators[i - 1], creators[i]);
        Assert.Contains(benVideo, mine);
    }

    [Fact]
    public async Task Page_size_is_limited()
    {
        var reader = await _world.PersonAsync("reader");
        var error = await Assert.ThrowsAsync<DomainException>(() => _world.Feed(reader).GetPageAsync(FeedKind.ForYou, VideoLimits.MaxPageSize + 1, null));
        Assert.Equal(("BAD_USER_INPUT", "first"), (error.Code, error.Field));
    }
}
