using System.Text.Json;
using Sora.Silo.Tests.Infrastructure;
using Sora.Silo.Tests.Postgres;

namespace Sora.Silo.Tests.Cluster;

/// <summary>Two real <c>sora serve --cluster</c> processes on one PostgreSQL database.</summary>
public sealed class TwoNodeClusterTests : IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();
    private readonly Dictionary<SoraProcess, string> _dataDirectories = [];

    public Task InitializeAsync() => _database.InitializeAsync();

    private SoraProcess StartNode()
    {
        var data = Directory.CreateTempSubdirectory("sora-cluster-node-").FullName;
        var url = $"http://127.0.0.1:{SoraProcess.FreePort()}";
        var node = SoraProcess.Start(url, "serve", "--cluster", "--postgres", _database.ConnectionString,
            "--data", data, "--urls", url,
            "--silo-port", SoraProcess.FreePort().ToString(), "--gateway-port", SoraProcess.FreePort().ToString());
        _dataDirectories[node] = data;
        return node;
    }

    private async Task<long> AnnounceAsync(SoraProcess node, string message)
    {
        var token = File.ReadAllText(Path.Combine(_dataDirectories[node], "operator.token")).Trim();
        var response = await node.QueryAsync($"mutation {{ announce(message: \"{message}\") {{ sequence }} }}", token);
        return response.GetProperty("data").GetProperty("announce").GetProperty("sequence").GetInt64();
    }

    private static async Task<int> ActiveSilosAsync(SoraProcess node) =>
        (await node.QueryAsync("{ health { cluster { silos } } }")).GetProperty("data").GetProperty("health").GetProperty("cluster").GetProperty("silos").GetInt32();

    private static async Task WaitForSilosAsync(SoraProcess node, int expected)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            if (await ActiveSilosAsync(node) == expected) return;
            await Task.Delay(500);
        }
        Assert.Fail($"the cluster never showed {expected} active silos:\n{node.Output}");
    }

    private static async Task<JsonElement> RecentAsync(SoraProcess node) =>
        (await node.QueryAsync("{ recentServerEvents(last: 100) { sequence kind message } }")).GetProperty("data").GetProperty("recentServerEvents");

    [Fact]
    public async Task Two_nodes_form_one_cluster_share_grains_and_keep_state_across_restarts()
    {
        await using var a = StartNode();
        await a.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
        var b = StartNode();
        try
        {
            await b.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
            await WaitForSilosAsync(a, 2);
            await WaitForSilosAsync(b, 2);

            // One activation of the events grain serves both nodes: both see the same ordered history,
            // including the start of node B, announced through B.
            var seenByA = await RecentAsync(a);
            var seenByB = await RecentAsync(b);
            Assert.Equal(seenByA.GetRawText(), seenByB.GetRawText());
            Assert.Equal(2, seenByA.EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "SILO_STARTED"));

            // Alternating writers through both nodes never conflict and never reuse a number: one activation.
            var sequences = new List<long>();
            for (var i = 0; i < 3; i++)
            {
                sequences.Add(await AnnounceAsync(a, $"from A {i}"));
                sequences.Add(await AnnounceAsync(b, $"from B {i}"));
            }
            Assert.Equal(Enumerable.Range(0, 6).Select(i => sequences[0] + i), sequences);
            seenByB = await RecentAsync(b);

            // State written through B survives B's restart and is read back through A and through the new B.
            var beforeRestart = seenByB.EnumerateArray().Last().GetProperty("sequence").GetInt64();
            Assert.Equal(0, await b.InterruptAsync(TimeSpan.FromSeconds(60)));
            await WaitForSilosAsync(a, 1);
            await b.DisposeAsync();
            b = StartNode();
            await b.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
            await WaitForSilosAsync(b, 2);

            var afterRestart = await RecentAsync(b);
            Assert.Contains(afterRestart.EnumerateArray(), e => e.GetProperty("sequence").GetInt64() == beforeRestart);
            Assert.True(afterRestart.EnumerateArray().Last().GetProperty("sequence").GetInt64() > beforeRestart);

            // With A gone too, no silo holds the activation in memory any more: what B reads now comes from PostgreSQL.
            Assert.Equal(0, await a.InterruptAsync(TimeSpan.FromSeconds(60)));
            await WaitForSilosAsync(b, 1);
            var lastBeforeA = afterRestart.EnumerateArray().Last().GetProperty("sequence").GetInt64();
            var fromStorage = await RecentAsync(b);
            Assert.Contains(fromStorage.EnumerateArray(), e => e.GetProperty("sequence").GetInt64() == lastBeforeA);
            Assert.True(await AnnounceAsync(b, "after A left") > lastBeforeA);
        }
        finally
        {
            await b.DisposeAsync();
        }
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        foreach (var data in _dataDirectories.Values)
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
    }
}
