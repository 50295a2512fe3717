using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Sora.Abstractions.Users;
using Sora.Abstractions.Videos;
using Sora.Api.Auth;

namespace Sora.Bench.Feed;

/// <summary>
/// Fills a running Sora through its grains, the way sign-up, follow and the generation pipeline do. Videos
/// are published before the follow edges are made, so each follow backfills the creator's latest videos
/// into the follower's inbox instead of every publish fanning out during seeding.
/// </summary>
internal sealed class FeedSeeder(FeedBenchHost host, int parallelism = 32)
{
    private readonly string _passwordHash = host.Services.GetRequiredService<Passwords>().Hash("bench password 123");

    public async Task<List<UserId>> UsersAsync(string prefix, int count, CancellationToken cancellationToken)
    {
        var users = new UserId[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), Options(cancellationToken), async (i, _) =>
        {
            var id = UserId.New();
            var handle = $"{prefix}{i}";
            if (!await host.Grains.GetGrain<IHandleRegistryGrain>(handle).ClaimAsync(id)) throw new InvalidOperationException($"{handle} is taken");
            await host.Grains.GetGrain<IUserGrain>(id.Value).RegisterAsync(handle, handle, _passwordHash);
            users[i] = id;
        });
        return [.. users];
    }

    public async Task<List<VideoId>> VideosAsync(IReadOnlyList<UserId> creators, int count, Random random, CancellationToken cancellationToken)
    {
        var owners = Enumerable.Range(0, count).Select(_ => creators[random.Next(creators.Count)]).ToArray();
        var videos = new VideoId[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), Options(cancellationToken), async (i, _) =>
        {
            var id = VideoId.New();
            var video = host.Grains.GetGrain<IVideoGrain>(id.Value);
            await video.CreateDraftAsync(new DraftSpec(owners[i], $"bench scene {i}: a ball rolls off a table"));
            await video.PublishAsync(owners[i], $"clip {i}");
            videos[i] = id;
        });
        return [.. videos];
    }

    /// <summary>Random distinct follow edges among <paramref name="users"/>, about the same number per user.</summary>
    public async Task FollowEdgesAsync(IReadOnlyList<UserId> users, int edges, Random random, CancellationToken cancellationToken)
    {
        var perUser = edges / users.Count;
        var pairs = new List<(UserId Follower, UserId Creator)>(edges);
        foreach (var follower in users)
        {
            var chosen = new HashSet<int>();
            while (chosen.Count < perUser)
            {
                var candidate = random.Next(users.Count);
                if (users[candidate] != follower) chosen.Add(candidate);
            }
            pairs.AddRange(chosen.Select(c => (follower, users[c])));
        }
        await FollowAsync(pairs, cancellationToken);
    }

    public async Task FollowAsync(IReadOnlyList<(UserId Follower, UserId Creator)> pairs, CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(pairs, Options(cancellationToken), async (pair, _) =>
            await host.Grains.GetGrain<IUserGrain>(pair.Follower.Value).FollowAsync(pair.Creator));

    /// <summary>Runs a seeding step and prints how long it took.</summary>
    public static async Task<T> StepAsync<T>(string what, Func<Task<T>> step)
    {
        var clock = Stopwatch.StartNew();
        var result = await step();
        Console.WriteLine($"  seeded {what} in {clock.Elapsed.TotalSeconds:F1} s");
        return result;
    }

    private ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
}
