using System.Text.Json;
using Sora.Api.Tests.Infrastructure;

namespace Sora.Api.Tests.Transport;

public sealed class RestartTests
{
    [Fact]
    public async Task A_restarted_server_remembers_what_was_announced()
    {
        await using var server = new RestartableServer();
        await server.Inner.StartAsync();
        var before = await AnnounceAsync(server.Inner, "remember me");

        await server.Inner.StopAsync();
        await server.Inner.StartAsync();

        var recent = await NodeProbe.RunAsync(new
        {
            kind = "fetch",
            url = server.Inner.GraphQLUrl,
            headers = new Dictionary<string, string> { ["content-type"] = "application/json" },
            body = JsonSerializer.Serialize(new { query = "{ recentServerEvents(last: 100) { sequence message } }" }),
        });
        var events = recent.GetProperty("json").GetProperty("data").GetProperty("recentServerEvents").EnumerateArray().ToList();
        Assert.Contains(events, e => e.GetProperty("message").GetString() == "remember me" && e.GetProperty("sequence").GetInt64() == before);
        Assert.True(await AnnounceAsync(server.Inner, "after the restart") > before);
    }

    private static async Task<long> AnnounceAsync(SoraTestServer server, string message)
    {
        var response = await NodeProbe.RunAsync(new
        {
            kind = "fetch",
            url = server.GraphQLUrl,
            headers = new Dictionary<string, string> { ["content-type"] = "application/json", ["authorization"] = "Bearer " + server.OperatorToken },
            body = JsonSerializer.Serialize(new { query = "mutation($m: String!) { announce(message: $m) { sequence } }", variables = new { m = message } }),
        });
        return response.GetProperty("json").GetProperty("data").GetProperty("announce").GetProperty("sequence").GetInt64();
    }

    private sealed class RestartableServer : IAsyncDisposable
    {
        public SoraTestServer Inner { get; } = new();
        public async ValueTask DisposeAsync() => await Inner.DisposeAsync();
    }
}
