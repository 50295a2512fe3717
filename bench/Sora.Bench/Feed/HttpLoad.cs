using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Sora.Bench.Shared;

namespace Sora.Bench.Feed;

/// <summary>
/// Latencies of one load run: how many requests, over how long, their percentiles, and the CPU time and
/// runtime activity (collections, allocations, JIT) of the whole process, server and load clients together.
/// </summary>
internal sealed record LoadResult(int Requests, int Failures, TimeSpan Duration, double[] SortedMilliseconds, TimeSpan ProcessCpu, RuntimeActivity Runtime)
{
    public double Throughput => Requests / Duration.TotalSeconds;

    /// <summary>Unlike latency, this hardly depends on what else shares the cores, so it compares runs on a busy machine.</summary>
    public double CpuMillisecondsPerRequest => Requests == 0 ? double.NaN : ProcessCpu.TotalMilliseconds / Requests;

    public double Percentile(double p) =>
        SortedMilliseconds.Length == 0 ? double.NaN : SortedMilliseconds[Math.Min(SortedMilliseconds.Length - 1, (int)Math.Ceiling(p / 100 * SortedMilliseconds.Length) - 1)];
}

/// <summary>N concurrent GraphQL-over-HTTP clients, each sending one query after another as a random person.</summary>
internal sealed class HttpLoad(string graphQLUrl, IReadOnlyList<string> tokens)
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) });

    public async Task<LoadResult> RunAsync(string query, int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        var latencies = new List<double>[clients];
        var failures = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var runtimeBefore = RuntimeActivity.Now();
        var clock = Stopwatch.StartNew();
        var body = JsonSerializer.Serialize(new { query });
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            var random = new Random(client);
            var mine = latencies[client] = [];
            while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, graphQLUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[random.Next(tokens.Count)]);
                var started = Stopwatch.GetTimestamp();
                using var response = await _http.SendAsync(request, cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode || text.Contains("\"errors\"", StringComparison.Ordinal)) Interlocked.Increment(ref failures);
            }
        }));
        var elapsed = clock.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var runtime = RuntimeActivity.Now() - runtimeBefore;
        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new LoadResult(all.Length, failures, elapsed, all, cpu, runtime);
    }
}
