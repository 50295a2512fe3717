using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Sora.Abstractions.Users;
using Sora.Api.Auth;
using Sora.Api.Tests.Infrastructure;

namespace Sora.Api.Tests.Transport;

/// <summary>The graphql-transport-ws protocol, driven by the npm graphql-ws client and by raw ws frames.</summary>
public sealed class WebSocketTransportTests(SoraTestServer server) : IClassFixture<SoraTestServer>
{
    private const string Init = """{"type":"connection_init"}""";

    private Task<JsonElement> RawAsync(params string[] send) =>
        NodeProbe.RunAsync(new { kind = "raw", url = server.WebSocketUrl, send });

    private static string Subscribe(string id, string query) =>
        JsonSerializer.Serialize(new { id, type = "subscribe", payload = new { query } });

    private async Task<long> AnnounceAsync(string message)
    {
        var response = await NodeProbe.RunAsync(AnnounceRequest(message));
        return response.GetProperty("json").GetProperty("data").GetProperty("announce").GetProperty("sequence").GetInt64();
    }

    private object AnnounceRequest(string message) => new
    {
        kind = "fetch",
        url = server.GraphQLUrl,
        headers = new Dictionary<string, string> { ["content-type"] = "application/json", ["authorization"] = "Bearer " + server.OperatorToken },
        body = JsonSerializer.Serialize(new { query = "mutation($m: String!) { announce(message: $m) { sequence } }", variables = new { m = message } }),
    };

    [Fact]
    public async Task A_graphql_ws_subscriber_gets_missed_events_then_live_ones()
    {
        var first = await AnnounceAsync("before you came");

        var result = await NodeProbe.RunAsync(new
        {
            kind = "subscribe",
            url = server.WebSocketUrl,
            query = "subscription($since: Long) { serverEvents(since: $since) { sequence kind message } }",
            variables = new { since = first - 1 },
            take = 2,
            afterFirst = AnnounceRequest("while you were here"),
        });

        var events = result.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("data").GetProperty("serverEvents")).ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal("before you came", events[0].GetProperty("message").GetString());
        Assert.Equal("while you were here", events[1].GetProperty("message").GetString());
        Assert.Equal(first, events[0].GetProperty("sequence").GetInt64());
        Assert.True(events[1].GetProperty("sequence").GetInt64() > first);
        Assert.Equal("ANNOUNCEMENT", events[1].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_query_over_the_socket_answers_once_and_completes()
    {
        var result = await NodeProbe.RunAsync(new { kind = "subscribe", url = server.WebSocketUrl, query = "{ health { status } }", take = 5 });

        Assert.True(result.GetProperty("completed").GetBoolean());
        Assert.Equal("ok", result.GetProperty("events")[0].GetProperty("data").GetProperty("health").GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_invalid_operation_gets_an_error_message_and_the_socket_stays_open()
    {
        var result = await NodeProbe.RunAsync(new
        {
            kind = "raw", url = server.WebSocketUrl, closeAfterMs = 1500,
            send = new[] { Init, Subscribe("1", "{ nope }"), """{"type":"ping"}""" },
        });

        var messages = result.GetProperty("messages").EnumerateArray().ToList();
        Assert.Contains(messages, m => m.GetProperty("type").GetString() == "error" && m.GetProperty("id").GetString() == "1");
        Assert.Contains(messages, m => m.GetProperty("type").GetString() == "pong");
        Assert.Equal(1000, result.GetProperty("closeCode").GetInt32());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"id":"1","type":"subscribe"}""")]
    [InlineData("""{"id":"1","type":"subscribe","payload":{"query":42}}""")]
    [InlineData("""{"type":"subscribe","payload":{"query":"{ health { status } }"}}""")]
    [InlineData("""{"type":"hello"}""")]
    [InlineData("""[1,2,3]""")]
    public async Task A_malformed_message_closes_with_4400(string message)
    {
        var result = await RawAsync(Init, message);
        Assert.Equal(4400, result.GetProperty("closeCode").GetInt32());
    }

    [Fact]
    public async Task Subscribing_before_the_ack_closes_with_4401()
    {
        var result = await RawAsync(Subscribe("1", "{ health { status } }"));
        Assert.Equal(4401, result.GetProperty("closeCode").GetInt32());
    }

    [Fact]
    public async Task A_forged_token_in_connection_init_closes_with_4403()
    {
        var result = await RawAsync("""{"type":"connection_init","payload":{"authorization":"Bearer sora_op_forged"}}""");
        Assert.Equal(4403, result.GetProperty("closeCode").GetInt32());
    }

    [Fact]
    public async Task A_connection_whose_token_expires_is_closed_with_4403_and_its_subscription_ends()
    {
        var person = await Social.People.SignUpAsync(server, "brief");
        var expires = DateTimeOffset.UtcNow.AddSeconds(10);
        var token = server.Services.GetRequiredService<UserTokens>().Issue(new UserId(person.Id), expires);
        var init = JsonSerializer.Serialize(new { type = "connection_init", payload = new { authorization = "Bearer " + token } });

        var result = await RawAsync(init, Subscribe("live", "subscription { feedUpdates { kind videoId } }"));

        Assert.Equal(4403, result.GetProperty("closeCode").GetInt32());
        Assert.Equal("Token expired", result.GetProperty("closeReason").GetString());
        Assert.Equal("connection_ack", result.GetProperty("messages")[0].GetProperty("type").GetString());
        Assert.True(DateTimeOffset.UtcNow >= expires.AddSeconds(-1), "closed before the token expired");
    }

    [Fact]
    public async Task A_silent_socket_closes_with_4408()
    {
        var result = await RawAsync();
        Assert.Equal(4408, result.GetProperty("closeCode").GetInt32());
    }

    [Fact]
    public async Task Reusing_a_running_operation_id_closes_with_4409()
    {
        var subscription = "subscription { serverEvents { sequence } }";
        var result = await RawAsync(Init, Subscribe("same", subscription), Subscribe("same", subscription));
        Assert.Equal(4409, result.GetProperty("closeCode").GetInt32());
    }

    [Fact]
    public async Task A_second_connection_init_closes_with_4429()
    {
        var result = await RawAsync(Init, Init);
        Assert.Equal(4429, result.GetProperty("closeCode").GetInt32());
        Assert.Equal("connection_ack", result.GetProperty("messages")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_client_without_the_subprotocol_is_turned_away_with_4406()
    {
        var result = await NodeProbe.RunAsync(new { kind = "raw", url = server.WebSocketUrl, protocol = (string?)null, send = Array.Empty<string>() });
        Assert.Equal(4406, result.GetProperty("closeCode").GetInt32());
    }
}
