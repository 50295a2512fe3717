using System.Text.Json;
using Sora.Silo.Tests.Infrastructure;
using Sora.Silo.Tests.Postgres;

namespace Sora.Silo.Tests.Cluster;

/// <summary>A job whose node dies mid-way is finished by the other node of a real two-process cluster.</summary>
public sealed class ClusterGenerationFailoverTests(S3TestServer s3) : IAsyncLifetime, IClassFixture<S3TestServer>
{
    private readonly PostgresTestDatabase _database = new();
    // The nodes of one cluster share their keys (tokens, signing) and a media bucket.
    private readonly string _data = Directory.CreateTempSubdirectory("sora-failover-data-").FullName;

    public Task InitializeAsync() => _database.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }

    private (SoraProcess Node, int SiloPort) StartNode()
    {
        var url = $"http://127.0.0.1:{SoraProcess.FreePort()}";
        var siloPort = SoraProcess.FreePort();
        var node = SoraProcess.Start(url, "serve", "--cluster", "--postgres", _database.ConnectionString,
            "--data", _data, "--s3-endpoint", s3.Endpoint.ToString(), "--s3-bucket", "failover", "--urls", url,
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

        // The video of the job (one id per job, whichever attempt made it), whole and authentic, from the bucket.
        var videoId = finished.GetProperty("video").GetProperty("id").GetString()!;
        Assert.Equal("v_" + id, videoId);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var file = Path.Combine(_data, "downloaded.mp4");
        await File.WriteAllBytesAsync(file, await http.GetByteArrayAsync($"{survivor.Url}/media/videos/{videoId}.mp4"));
        var (exit, output) = await SoraProcess.RunAsync("verify", file);
        Assert.True(exit == 0, output);
    }
}
