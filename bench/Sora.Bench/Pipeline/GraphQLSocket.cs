using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Sora.Bench.Pipeline;

/// <summary>A minimal graphql-transport-ws client: one connection, one subscription at a time.</summary>
internal sealed class GraphQLSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();

    private GraphQLSocket() => _socket.Options.AddSubProtocol("graphql-transport-ws");

    public static async Task<GraphQLSocket> ConnectAsync(string graphQLUrl, string token, CancellationToken ct)
    {
        var client = new GraphQLSocket();
        await client._socket.ConnectAsync(new Uri(graphQLUrl.Replace("http://", "ws://")), ct);
        await client.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer " + token } }, ct);
        var ack = await client.ReceiveAsync(ct);
        if (ack.GetProperty("type").GetString() != "connection_ack") throw new InvalidOperationException($"no connection_ack: {ack}");
        return client;
    }

    /// <summary>The <c>data</c> of every <c>next</c> message until the server completes the subscription.</summary>
    public async IAsyncEnumerable<JsonElement> SubscribeAsync(string query, object variables, [EnumeratorCancellation] CancellationToken ct)
    {
        await SendAsync(new { id = "1", type = "subscribe", payload = new { query, variables } }, ct);
        while (true)
        {
            var message = await ReceiveAsync(ct);
            switch (message.GetProperty("type").GetString())
            {
                case "next":
                    yield return message.GetProperty("payload").GetProperty("data");
                    break;
                case "complete":
                    yield break;
                case "error":
                    throw new InvalidOperationException($"subscription failed: {message}");
                case "ping":
                    await SendAsync(new { type = "pong" }, ct);
                    break;
            }
        }
    }

    private Task SendAsync(object message, CancellationToken ct) =>
        _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, ct);

    private async Task<JsonElement> ReceiveAsync(CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer, ct);
            if (result.MessageType == WebSocketMessageType.Close) throw new InvalidOperationException($"socket closed: {result.CloseStatus} {result.CloseStatusDescription}");
            message.Write(buffer, 0, result.Count);
        } while (!result.EndOfMessage);
        return JsonDocument.Parse(Encoding.UTF8.GetString(message.ToArray())).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try { await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None); }
            catch (WebSocketException) { }
        }
        _socket.Dispose();
    }
}
