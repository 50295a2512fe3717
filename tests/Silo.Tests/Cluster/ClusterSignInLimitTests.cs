using System.Text.Json;
using Sora.Silo.Tests.Infrastructure;
using Sora.Silo.Tests.Postgres;

namespace Sora.Silo.Tests.Cluster;

/// <summary>Sign-in limits on two <c>sora serve --cluster</c> nodes: the attempts made through either count together.</summary>
public sealed class ClusterSignInLimitTests : IAsyncLifetime
{
    private static readonly int PerHandle = new Sora.Api.SoraApiOptions { DataDirectory = "." }.SignInAttemptsPerHandle;
    private readonly PostgresTestDatabase _database = new();
    private readonly List<string> _dataDirectories = [];

    public Task InitializeAsync() => _database.InitializeAsync();

    private SoraProcess StartNode()
    {
        var data = Directory.CreateTempSubdirectory("sora-cluster-node-").FullName;
        _dataDirectories.Add(data);
        var url = $"http://127.0.0.1:{SoraProcess.FreePort()}";
        return SoraProcess.Start(url, "serve", "--cluster", "--postgres", _database.ConnectionString, "--data", data, "--urls", url,
            "--silo-port", SoraProcess.FreePort().ToString(), "--gateway-port", SoraProcess.FreePort().ToString());
    }

    private static async Task<JsonElement> SignInAsync(SoraProcess node, string handle, string password) =>
        await node.QueryAsync($"mutation {{ signIn(handle: \"{handle}\", password: \"{password}\") {{ token }} }}");

    private static string? ErrorCode(JsonElement response) =>
        response.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString() : null;

    [Fact]
    public async Task Sign_in_attempts_through_either_node_count_against_one_limit()
    {
        await using var a = StartNode();
        await using var b = StartNode();
        await a.WaitUntilHealthyAsync(TimeSpan.FromSeconds(120));
        await b.WaitUntilHealthyAsync(TimeSpan.FromSeconds(120));
        var handle = "limited_" + Guid.NewGuid().ToString("N")[..8];
        var signUp = await a.QueryAsync($"mutation {{ signUp(handle: \"{handle}\", password: \"right password 123\", displayName: \"L\") {{ token }} }}");
        Assert.Null(ErrorCode(signUp));

        for (var i = 0; i < PerHandle; i++)
            Assert.Equal("UNAUTHENTICATED", ErrorCode(await SignInAsync(i % 2 == 0 ? a : b, handle, $"wrong guess {i}")));

        // Half the attempts went through each node; one more through either is over the shared limit,
        // even with the right password.
        Assert.Equal("RATE_LIMITED", ErrorCode(await SignInAsync(a, handle, "right password 123")));
        Assert.Equal("RATE_LIMITED", ErrorCode(await SignInAsync(b, handle, "right password 123")));
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        foreach (var data in _dataDirectories)
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
    }
}
