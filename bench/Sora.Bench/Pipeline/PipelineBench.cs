using System.CommandLine;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Sora.Bench.Feed;
using Sora.Inference;
using Sora.Bench.Shared;

namespace Sora.Bench.Pipeline;

/// <summary>
/// <c>sora-bench pipeline</c>: a World video through a real embedded Sora (createVideo → live chunks over
/// graphql-ws → COMPLETED) against the engine alone, so the pipeline's overhead and time to first chunk show.
/// </summary>
internal static class PipelineBench
{
    private const string Prompt = "a dog runs to the lake and jumps in";

    public static Command Create()
    {
        var runs = new Option<int>("--runs") { Description = "Measured runs of each (median reported)", DefaultValueFactory = _ => 3 };
        var seconds = new Option<double>("--seconds") { DefaultValueFactory = _ => 5 };
        var size = new Option<string>("--size") { DefaultValueFactory = _ => "854x480" };
        var warmUps = new Option<int>("--warm-up") { Description = "Unmeasured runs of each first, at least (more until the JIT is quiet)", DefaultValueFactory = _ => 2 };
        var onGpu = new Option<bool>("--gpu")
        {
            Description = "The server's jobs on GPU 0 (as --gpus 1 --cpu-slots 0): encoded by its NVENC where it has one, by libx264 if not",
        };
        var command = new Command("pipeline", "Time to first chunk and wall time through the server vs the engine alone") { runs, seconds, size, warmUps, onGpu };
        command.SetAction(async (parsed, ct) =>
        {
            if (!Sora.Abstractions.Generation.FrameSize.TryParse(parsed.GetValue(size), out var width, out var height))
            {
                Console.Error.WriteLine($"sora bench pipeline: --size {parsed.GetValue(size)} is not WIDTHxHEIGHT");
                return 2;
            }
            // Chunked as the server chunks (MediaGenerationOptions): a short first chunk, then half seconds.
            var request = new GenerationRequest(Prompt, parsed.GetValue(seconds), width, height, 24, Seed: 1) { ChunkFrames = 12, FirstChunkFrames = 6 };
            var count = Math.Max(1, parsed.GetValue(runs));
            Console.WriteLine($"pipeline: World engine, \"{Prompt}\", {request.Seconds} s at {width}x{height}, 24 fps, {Environment.ProcessorCount} cores, {count} runs each");

            var warmUpCount = Math.Max(1, parsed.GetValue(warmUps));
            await WarmUpAsync("engine alone", warmUpCount, () => EngineTiming.RunAsync(request, ct), quietRunsInARow: 2);

            using var phases = new GenerationPhases();
            await using var host = await FeedBenchHost.StartAsync(new Grains.Feeds.FeedOptions(), ct,
                parsed.GetValue(onGpu) ? options => options with { Gpus = 1, CpuSlots = 0 } : null);
            Console.WriteLine(parsed.GetValue(onGpu)
                ? $"server: jobs on GPU 0, encoded by {(await host.Services.GetRequiredService<Silo.Generation.GpuEncoders>().UsableAsync(0) ? "its NVENC" : "libx264 (GPU 0 has no working NVENC: the log says why)")}"
                : "server: jobs on a CPU slot, encoded by libx264");
            var token = await SignUpAsync(host.GraphQLUrl, ct);
            // Paths run once per video reach tier 1 only after about sixty videos (thirty calls to be instrumented, thirty
            // more to be optimised), and the runtime holds tiering back while it still compiles new code: a hundred
            // one-second videos take them there (with fewer, measured runs still spent up to 0.3 s each in the JIT);
            // full-length ones then warm the rest.
            var warmUpSeed = 0;
            var shortVideo = request with { Seconds = 1 };
            await WarmUpAsync("server, 1 s videos", 100, () => ThroughServerAsync(host.GraphQLUrl, token, shortVideo, seed: --warmUpSeed, ct), quietRunsInARow: 5, maxRuns: 120);
            await WarmUpAsync($"server, {request.Seconds} s videos", warmUpCount, () => ThroughServerAsync(host.GraphQLUrl, token, request, seed: --warmUpSeed, ct), quietRunsInARow: 2, maxRuns: 12);
            // The engine alone once more: code it shares with the server was recompiled meanwhile, and measured engine runs
            // straight after the server's warm-up still spent up to 0.23 s in the JIT.
            await WarmUpAsync("engine alone, again", 1, () => EngineTiming.RunAsync(request, ct), quietRunsInARow: 2);
            phases.TakeRuns();

            // Engine-alone and server runs alternate, so a change in the machine's speed during the bench (it drifts by
            // up to a fifth here) touches both sides alike instead of skewing their ratio.
            var engine = new List<(double First, double Wall)>();
            var server = new List<ClientTimes>();
            var (engineCpu, serverCpu, ffmpegCpu) = (0.0, 0.0, 0.0);
            var (engineRuntime, serverRuntime) = (new List<RuntimeActivity>(), new List<RuntimeActivity>());
            for (var i = 0; i < count; i++)
            {
                var cpuBefore = CpuTime.WithChildren();
                var engineBefore = RuntimeActivity.Now();
                engine.Add(await EngineTiming.RunAsync(request, ct));
                var (cpuBetween, childrenBetween) = (CpuTime.WithChildren(), CpuTime.Children());
                var before = RuntimeActivity.Now();
                engineRuntime.Add(before - engineBefore);
                server.Add(await ThroughServerAsync(host.GraphQLUrl, token, request, seed: i + 1, ct));
                serverRuntime.Add(RuntimeActivity.Now() - before);
                // What the server does after a job (it starts the next job's encoder) is not the engine's to pay for.
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
                engineCpu += (cpuBetween - cpuBefore).TotalSeconds / count;
                serverCpu += (CpuTime.WithChildren() - cpuBetween).TotalSeconds / count;
                ffmpegCpu += (CpuTime.Children() - childrenBetween).TotalSeconds / count;
            }
            var serverRuns = phases.TakeRuns();
            var pairOverheads = engine.Zip(server, (e, s) => (s.Total - e.Wall) / e.Wall).ToList();

            var engineTotal = EngineTiming.Median(engine.Select(r => r.Wall));
            var serverTotal = EngineTiming.Median(server.Select(r => r.Total));
            Console.WriteLine($"{"",-34} {"first chunk (s)",16} {"total (s)",10} {"real-time factor",17}");
            Console.WriteLine($"{"engine alone (render + sound)",-34} {EngineTiming.Median(engine.Select(r => r.First)),16:F3} {engineTotal,10:F2} {request.Seconds / engineTotal,17:F2}");
            Console.WriteLine($"{"server: submit → chunk → COMPLETED",-34} {EngineTiming.Median(server.Select(r => r.First)),16:F3} {serverTotal,10:F2} {request.Seconds / serverTotal,17:F2}");
            Console.WriteLine($"pipeline overhead (marks, encode, store, sign, poster, draft, API): {(serverTotal - engineTotal) / engineTotal:P0} of engine time (medians); " +
                $"pair by pair: {string.Join(", ", pairOverheads.Select(o => o.ToString("P0")))} (median {EngineTiming.Median(pairOverheads):P0})");
            Console.WriteLine($"CPU per video (this process and its ffmpeg children, mean): engine alone {engineCpu:F2} s, through the server {serverCpu:F2} s " +
                $"(+{(serverCpu - engineCpu) / engineCpu:P0}: ffmpeg {ffmpegCpu:F2} s, this process {serverCpu - ffmpegCpu - engineCpu:+0.00;-0.00} s; " +
                $"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");
            // Tiered compilation still at work in a measured run costs CPU the engine would otherwise have.
            Console.WriteLine($"JIT compilations during each measured run: engine alone {DescribeJit(engineRuntime)}; server {DescribeJit(serverRuntime)} (methods/time)");
            Console.WriteLine($"runtime per video (medians): engine alone {DescribeRuntime(engineRuntime)}; through the server {DescribeRuntime(serverRuntime)}");
            PrintBreakdown(server, serverRuns);
            return 0;
        });
        return command;
    }

    /// <summary>When the client saw each step of one generation, in seconds after it sent createVideo.</summary>
    private sealed record ClientTimes(double Created, double Started, double First, double Last, double Total);

    /// <summary>
    /// Runs <paramref name="run"/> at least <paramref name="minimum"/> times, then until a run leaves the JIT nearly
    /// idle: per-video code paths (storage, streams, serializers, watermarking) are called a few times per video, so
    /// tiered compilation keeps promoting them for dozens of videos, and a run measured before that is a cold server.
    /// </summary>
    private static async Task WarmUpAsync<T>(string what, int minimum, Func<Task<T>> run, int quietRunsInARow = 1, int maxRuns = 60)
    {
        const int QuietRun = 60;
        var clock = Stopwatch.StartNew();
        var (runs, quiet, compiled) = (0, 0, 0L);
        RuntimeActivity last;
        do
        {
            var before = RuntimeActivity.Now();
            await run();
            last = RuntimeActivity.Now() - before;
            compiled += last.JitMethods;
            runs++;
            quiet = last.JitMethods <= QuietRun ? quiet + 1 : 0;
        }
        while (runs < maxRuns && (runs < minimum || quiet < quietRunsInARow));
        Console.WriteLine($"  warm-up, {what}: {runs} runs in {clock.Elapsed.TotalSeconds:F0} s, {compiled} methods JIT-compiled (the last run: {last.Jit})");
    }

    private static string DescribeJit(IEnumerable<RuntimeActivity> runs) =>
        string.Join("; ", runs.Select(r => $"{r.JitMethods}/{r.JitTime.TotalMilliseconds:F0} ms"));

    private static string DescribeRuntime(IReadOnlyList<RuntimeActivity> runs) =>
        $"{EngineTiming.Median(runs.Select(r => r.AllocatedBytes / 1048576.0)):F0} MB allocated, " +
        $"GC {EngineTiming.Median(runs.Select(r => (double)r.Gen0)):F0}/{EngineTiming.Median(runs.Select(r => (double)r.Gen1)):F0}/{EngineTiming.Median(runs.Select(r => (double)r.Gen2)):F0} (gen0/1/2), " +
        $"paused {EngineTiming.Median(runs.Select(r => r.Paused.TotalMilliseconds)):F0} ms";

    private static void PrintBreakdown(IReadOnlyList<ClientTimes> client, IReadOnlyList<IReadOnlyDictionary<string, double>> server)
    {
        Console.WriteLine("where the time goes (medians, seconds):");
        Console.WriteLine("  in the client, after createVideo was sent:");
        Console.WriteLine($"    {"createVideo answered",-32} {EngineTiming.Median(client.Select(c => c.Created)),7:F3}");
        Console.WriteLine($"    {"STARTED event",-32} {EngineTiming.Median(client.Select(c => c.Started)),7:F3}");
        Console.WriteLine($"    {"first CHUNK event",-32} {EngineTiming.Median(client.Select(c => c.First)),7:F3}");
        Console.WriteLine($"    {"last CHUNK event",-32} {EngineTiming.Median(client.Select(c => c.Last)),7:F3}");
        Console.WriteLine($"    {"COMPLETED event",-32} {EngineTiming.Median(client.Select(c => c.Total)),7:F3}");
        if (server.Count == 0) return;
        Console.WriteLine("  in the worker (phases; @ = after the worker began):");
        foreach (var name in server.SelectMany(r => r.Keys).Distinct())
            Console.WriteLine($"    {name,-32} {EngineTiming.Median(server.Select(r => r.GetValueOrDefault(name))),7:F3}");
    }

    private static async Task<ClientTimes> ThroughServerAsync(string url, string token, GenerationRequest request, long seed, CancellationToken ct)
    {
        await using var socket = await GraphQLSocket.ConnectAsync(url, token, ct);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var clock = Stopwatch.StartNew();
        var created = await PostAsync(http, url, "mutation($i: CreateVideoInput!) { createVideo(input: $i) { id } }",
            new { i = new { prompt = request.Prompt, seconds = request.Seconds, size = $"{request.Width}x{request.Height}", seed } }, ct);
        var id = created.GetProperty("createVideo").GetProperty("id").GetString()!;
        var answered = clock.Elapsed.TotalSeconds;
        double started = -1, first = -1, last = -1;
        await foreach (var data in socket.SubscribeAsync("subscription($id: ID!) { generation(id: $id) { kind message } }", new { id }, ct))
        {
            var kind = data.GetProperty("generation").GetProperty("kind").GetString();
            var now = clock.Elapsed.TotalSeconds;
            if (kind == "STARTED" && started < 0) started = now;
            if (kind == "CHUNK")
            {
                if (first < 0) first = now;
                last = now;
            }
            if (kind is "FAILED" or "CANCELLED") throw new InvalidOperationException($"generation {kind}: {data}");
        }
        return new ClientTimes(answered, started, first, last, clock.Elapsed.TotalSeconds);
    }

    private static async Task<string> SignUpAsync(string url, CancellationToken ct)
    {
        using var http = new HttpClient();
        var data = await PostAsync(http, url, "mutation { signUp(handle: \"bench\", password: \"correct horse battery\", displayName: \"Bench\") { token } }", new { }, ct);
        return data.GetProperty("signUp").GetProperty("token").GetString()!;
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, string url, string query, object variables, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(url, new { query, variables }, ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        if (body.TryGetProperty("errors", out var errors)) throw new InvalidOperationException(errors.ToString());
        return body.GetProperty("data");
    }


}
