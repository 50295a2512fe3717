using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Sora.Abstractions.Feeds;
using Sora.Abstractions.Users;
using Sora.Abstractions.Videos;
using Sora.Api.Auth;
using Sora.Grains.Feeds;

namespace Sora.Bench.Feed;

/// <summary>
/// <c>sora-bench feed</c>: FOR_YOU and FOLLOWING over GraphQL/HTTP at N concurrent clients on a seeded
/// embedded Sora, and the time to fan out one post from a creator with many followers.
/// </summary>
internal static class FeedBench
{
    private const string Page = "edges { cursor node { id caption likeCount commentCount creator { handle } } } pageInfo { hasNextPage endCursor }";
    private const string ForYouQuery = "{ feed(kind: FOR_YOU, first: 20) { " + Page + " } }";
    private const string FollowingQuery = "{ feed(kind: FOLLOWING, first: 20) { " + Page + " } }";

    public static Command Create()
    {
        var users = new Option<int>("--users") { DefaultValueFactory = _ => 1_000, Description = "People seeded" };
        var edges = new Option<int>("--follows") { DefaultValueFactory = _ => 100_000, Description = "Follow edges among them" };
        var videos = new Option<int>("--videos") { DefaultValueFactory = _ => 20_000, Description = "Published videos" };
        var clients = new Option<int>("--clients") { DefaultValueFactory = _ => 50, Description = "Concurrent GraphQL/HTTP clients" };
        var seconds = new Option<int>("--seconds") { DefaultValueFactory = _ => 20, Description = "Measured seconds per feed kind" };
        var fans = new Option<int>("--fans") { DefaultValueFactory = _ => 10_000, Description = "Followers of the creator whose post is fanned out" };
        var query = new Option<string[]>("--query") { Description = "Also drive this GraphQL query (repeatable; to see where a feed query's time goes)" };
        var noFanOut = new Option<bool>("--no-fan-out") { Description = "Skip the fan-out part" };
        var command = new Command("feed", "Feed query throughput/latency and fan-out time on a seeded embedded Sora")
        {
            users, edges, videos, clients, seconds, fans, query, noFanOut,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            await RunQueriesAsync(parsed.GetValue(users), parsed.GetValue(edges), parsed.GetValue(videos), parsed.GetValue(clients),
                TimeSpan.FromSeconds(parsed.GetValue(seconds)), parsed.GetValue(query) ?? [], cancellationToken);
            if (!parsed.GetValue(noFanOut)) await RunFanOutAsync(parsed.GetValue(fans), cancellationToken);
            return 0;
        });
        return command;
    }

    private static async Task RunQueriesAsync(int userCount, int edgeCount, int videoCount, int clients, TimeSpan duration, IReadOnlyList<string> extraQueries, CancellationToken cancellationToken)
    {
        Console.WriteLine($"feed queries: {userCount} users, {edgeCount} follow edges, {videoCount} videos, {clients} clients, {Environment.ProcessorCount} cores");
        await using var host = await FeedBenchHost.StartAsync(new FeedOptions(), cancellationToken);
        var seeder = new FeedSeeder(host);
        var random = new Random(42);
        var people = await FeedSeeder.StepAsync($"{userCount} users", () => seeder.UsersAsync("user", userCount, cancellationToken));
        await FeedSeeder.StepAsync($"{videoCount} videos", () => seeder.VideosAsync(people, videoCount, random, cancellationToken));
        await FeedSeeder.StepAsync($"{edgeCount} follow edges", async () => { await seeder.FollowEdgesAsync(people, edgeCount, random, cancellationToken); return 0; });

        var tokens = host.Services.GetRequiredService<UserTokens>();
        var load = new HttpLoad(host.GraphQLUrl, [.. people.Select(p => tokens.Issue(p))]);
        var queries = new List<(string Name, string Query)> { ("FOR_YOU", ForYouQuery), ("FOLLOWING", FollowingQuery) };
        queries.AddRange(extraQueries.Select((q, i) => ($"query {i + 1}", q)));
        foreach (var (name, query) in queries)
        {
            await WarmUpAsync(load, query, clients, cancellationToken);
            var result = await load.RunAsync(query, clients, duration, cancellationToken);
            Console.WriteLine($"  {name,-9}  {result.Throughput,8:F0} req/s   p50 {result.Percentile(50),7:F2} ms   p99 {result.Percentile(99),7:F2} ms   " +
                $"CPU {result.CpuMillisecondsPerRequest:F2} ms/req   ({result.Requests} requests, {result.Failures} failed; load average {LoadAverage()}; {result.Runtime.Describe(result.Requests)})");
        }
    }

    /// <summary>
    /// Runs the query in rounds until the JIT has (nearly) stopped compiling: under full load on two cores,
    /// tiering up the server's code takes ten seconds or more, and a run measured before that reports the
    /// warm-up, not the server.
    /// </summary>
    private static async Task WarmUpAsync(HttpLoad load, string query, int clients, CancellationToken cancellationToken)
    {
        const int QuietRound = 25;
        var clock = Stopwatch.StartNew();
        var rounds = 0;
        LoadResult round;
        do
        {
            round = await load.RunAsync(query, clients, WarmUpRound, cancellationToken);
            rounds++;
        }
        while (round.Runtime.JitMethods > QuietRound && clock.Elapsed < MaxWarmUp);
        Console.WriteLine($"  warmed up in {clock.Elapsed.TotalSeconds:F0} s ({rounds} rounds of {WarmUpRound.TotalSeconds:F0} s; the last: {round.Runtime.Jit}, {round.Throughput:F0} req/s)");
    }

    private static readonly TimeSpan WarmUpRound = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(60);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    /// <summary>Below the fan-in threshold a post is written into every follower's feed before publish returns, so the publish call's duration is the fan-out time.</summary>
    private static async Task RunFanOutAsync(int fanCount, CancellationToken cancellationToken)
    {
        Console.WriteLine($"fan-out: one post from a creator with {fanCount} followers");
        foreach (var pushed in new[] { true, false })
        {
            var options = new FeedOptions { FanInFollowerThreshold = pushed ? fanCount + 1 : new FeedOptions().FanInFollowerThreshold };
            await using var host = await FeedBenchHost.StartAsync(options, cancellationToken);
            var seeder = new FeedSeeder(host);
            var star = (await seeder.UsersAsync("star", 1, cancellationToken))[0];
            var followers = await FeedSeeder.StepAsync($"{fanCount} followers", async () =>
            {
                var made = await seeder.UsersAsync("fan", fanCount, cancellationToken);
                await seeder.FollowAsync([.. made.Select(f => (f, star))], cancellationToken);
                return made;
            });

            var times = new List<double>();
            VideoId last = default;
            for (var i = 0; i < 3; i++)
            {
                last = VideoId.New();
                var video = host.Grains.GetGrain<IVideoGrain>(last.Value);
                await video.CreateDraftAsync(new DraftSpec(star, $"the star's clip {i}"));
                var clock = Stopwatch.StartNew();
                await video.PublishAsync(star, "new!");
                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            var sample = followers.OrderBy(_ => Random.Shared.Next()).Take(200).ToList();
            var delivered = 0;
            foreach (var fan in sample)
            {
                var page = await host.Grains.GetGrain<IFeedGrain>(fan.Value).GetPageAsync(FeedKind.Following, 1, null);
                if (page.Entries.Count > 0 && page.Entries[0].Video == last) delivered++;
            }
            var mode = pushed ? "fan-out on write (threshold raised above the follower count)" : $"fan-in (default threshold {options.FanInFollowerThreshold})";
            Console.WriteLine($"  {mode}: publish {string.Join(" / ", times.Select(t => $"{t:F0} ms"))}; newest in FOLLOWING for {delivered}/{sample.Count} sampled followers");
        }
    }
}
