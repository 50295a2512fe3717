using Sora.Abstractions.Feeds;
using Sora.Abstractions.Videos;
using Sora.Grains.Tests.Infrastructure;

namespace Sora.Grains.Tests.Social;

public sealed class VideoCatalogTests(SoraTestCluster fixture) : IClassFixture<SoraTestCluster>
{
    private readonly SocialWorld _world = new(fixture.Grains);
    private IVideoCatalogGrain Catalog => fixture.Grains.GetGrain<IVideoCatalogGrain>(IVideoCatalogGrain.Key);

    private async Task<VideoStats?> CandidateAsync(VideoId video) =>
        (await Catalog.GetCandidatesAsync()).Value.Select(c => c.Stats).FirstOrDefault(s => s.Video == video);

    [Fact]
    public async Task New_and_removed_videos_change_the_candidates_at_once_and_new_counts_arrive_within_seconds()
    {
        var ann = await _world.PersonAsync("ann");
        var ben = await _world.PersonAsync("ben");
        var kept = await _world.PublishedAsync(ann);
        var removed = await _world.PublishedAsync(ann);
        Assert.NotNull(await CandidateAsync(kept));
        Assert.NotNull(await CandidateAsync(removed));

        await _world.Video(removed).DeleteAsync(ann);
        Assert.Null(await CandidateAsync(removed));
        await _world.Video(kept).LikeAsync(ben);

        // The like shows once a refresh (made in the background at most a second after the last) is taken up.
        VideoStats? seen = null;
        for (var attempt = 0; attempt < 100 && seen?.Likes != 1; attempt++)
        {
            await Task.Delay(100);
            seen = await CandidateAsync(kept);
            Assert.Null(await CandidateAsync(removed));
        }
        Assert.Equal(1, seen?.Likes);
    }
}
