using System.Text.Json;
using Sora.Silo.Tests.Infrastructure;
using Sora.Silo.Tests.Postgres;

namespace Sora.Silo.Tests.Cluster;

/// <summary>A job whose node dies mid-way is finished by the other node of a real two-process cluster.</summary>
public sealed class ClusterGenerationFailoverTests : IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();
    // The nodes of one cluster share their keys (tokens, signing) and their media folder.
    private readonly string _data = Directory.CreateTempSubdirectory("sora-failover-data-").FullName;
    private readonly string _media = Directory.CreateTempSubdirectory("sora-failover-media-").FullName;

    public Task InitializeAsync() => _database.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        foreach (var dir in new[] { _data, _media })
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }

    private (SoraProcess Node, int SiloPort) StartNode()
    {
        var url = $"http://127.0.0.1:{SoraProcess.FreePort()}";
        var siloPort = SoraProcess.FreePort();
        var node = SoraProcess.Start(url, "serve", "--cluster", "--postgres", _database.ConnectionString,
            "--data", _data, "--media", _media, "--urls", url,
            "--silo-port", siloPort.ToString(), "--gateway-port", SoraProcess.FreePort().ToString());
        return (node, siloPort);
    }

    private static async Task<JsonElement> DataAsync(SoraProcess node, string query, string? token = null)
    {
        var response = await node.QueryAsync(query, token);
        Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
        return response.GetProperty("data");
    }

    private static async Task<JsonElement> GenerationAsync(SoraProcess node, string id, string token) =>
        (await DataAsync(node, $"{{ generation(id: \"{id}\") {{ status progress attempts failureMessage device {{ silo }} video {{ id media {{ url }} }} }} }}", token)).GetProperty("generation");

    [Fact]
    public async Task Killing_the_node_that_runs_a_job_hands_it_to_the_other_node_which_finishes_it_once()
    {
        var (a, portA) = StartNode();
        await using var _ = a;
        await a.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
        var (b, portB) = StartNode();
        await using var __ = b;
        await b.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
        var token = (await DataAsync(a, "mutation { signUp(handle: \"failover\", password: \"correct horse battery\", displayName: \"F\") { token } }"))
            .GetProperty("signUp").GetProperty("token").GetString()!;

        var id = (await DataAsync(a, "mutation { createVideo(input: { prompt: \"a dog runs to the lake and jumps in\", seconds: 10, size: \"854x480\", seed: 3 }) { id } }", token))
            .GetProperty("createVideo").GetProperty("id").GetString()!;
        JsonElement running;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        do
        {
            await Task.Delay(200);
            running = await GenerationAsync(a, id, token);
        } while (running.GetProperty("progress").GetDouble() == 0 && DateTime.UtcNow < deadline);
        Assert.Equal("RUNNING", running.GetProperty("status").GetString());

        var silo = running.GetProperty("device").GetProperty("silo").GetString()!;
        var (victim, survivor) = silo.Contains($":{portA}@") ? (a, b) : silo.Contains($":{portB}@") ? (b, a) : throw new Xunit.Sdk.XunitException($"job on an unknown silo {silo}");
        victim.Kill();
        var killedAt = DateTime.UtcNow;

        JsonElement finished = default;
        var takenOverWithin = TimeSpan.Zero;
        deadline = DateTime.UtcNow + TimeSpan.FromSeconds(150);
        do
        {
            await Task.Delay(500);
            var response = await survivor.QueryAsync($"{{ generation(id: \"{id}\") {{ status attempts device {{ silo }} video {{ id }} }} }}", token);
            if (response.TryGetProperty("errors", out var errors))
            {
                // Until the cluster has declared the dead node dead, calls to what lived there fail as retryable.
                Assert.Equal("UNAVAILABLE", errors[0].GetProperty("extensions").GetProperty("code").GetString());
                continue;
            }
            finished = response.GetProperty("data").GetProperty("generation");
            if (takenOverWithin == TimeSpan.Zero && finished.GetProperty("attempts").GetInt32() > 1) takenOverWithin = DateTime.UtcNow - killedAt;
        } while ((finished.ValueKind == JsonValueKind.Undefined || finished.GetProperty("status").GetString() is not ("READY" or "FAILED")) && DateTime.UtcNow < deadline);

        Assert.True(finished.GetProperty("status").GetString() == "READY", $"{finished}\n{survivor.Output}");
        Assert.Equal(2, finished.GetProperty("attempts").GetInt32());
        Assert.InRange(takenOverWithin, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(30));
        Assert.DoesNotContain($":{(victim == a ? portA : portB)}@", finished.GetProperty("device").GetProperty("silo").GetString());

        // One video, and it is whole and authentic.
        var videoId = finished.GetProperty("video").GetProperty("id").GetString()!;
        Assert.Equal([videoId + ".jpg", videoId + ".mp4"], Directory.GetFiles(Path.Combine(_media, "videos")).Select(Path.GetFileName).Order());
        var (exit, output) = await SoraProcess.RunAsync("verify", Path.Combine(_media, "videos", videoId + ".mp4"));
        Assert.True(exit == 0, output);
    }
}
