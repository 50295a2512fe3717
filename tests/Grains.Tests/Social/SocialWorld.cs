using Sora.Abstractions.Feeds;
using Sora.Abstractions.Users;
using Sora.Abstractions.Videos;

namespace Sora.Grains.Tests.Social;

/// <summary>Creates people and videos straight through the grains, as the pipeline and the API do.</summary>
internal sealed class SocialWorld(IGrainFactory grains)
{
    public async Task<UserId> PersonAsync(string name)
    {
        var id = UserId.New();
        var handle = $"{name}_{id.Value[^8..]}";
        Assert.True(await grains.GetGrain<IHandleRegistryGrain>(handle).ClaimAsync(id));
        await User(id).RegisterAsync(handle, name, "not-a-real-hash");
        return id;
    }

    public IUserGrain User(UserId id) => grains.GetGrain<IUserGrain>(id.Value);
    public IVideoGrain Video(VideoId id) => grains.GetGrain<IVideoGrain>(id.Value);
    public IFeedGrain Feed(UserId id) => grains.GetGrain<IFeedGrain>(id.Value);

    public async Task<VideoId> DraftAsync(UserId owner, string prompt = "a glass falls off a table", VideoId? remixOf = null)
    {
        var id = VideoId.New();
        await Video(id).CreateDraftAsync(new DraftSpec(owner, prompt, RemixOf: remixOf));
        return id;
    }

    public async Task<VideoId> PublishedAsync(UserId owner, string prompt = "a ball bounces down stairs", VideoId? remixOf = null)
    {
        var id = await DraftAsync(owner, prompt, remixOf);
        await Video(id).PublishAsync(owner, "look");
        return id;
    }

    public async Task<IReadOnlyList<VideoId>> FeedAsync(UserId viewer, FeedKind kind, int first = 100) =>
        [.. (await Feed(viewer).GetPageAsync(kind, first, null)).Entries.Select(e => e.Video)];
}
