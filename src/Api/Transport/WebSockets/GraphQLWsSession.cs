using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.Logging;
using Sora.Api.Auth;
using Sora.Api.Execution;

namespace Sora.Api.Transport.WebSockets;

/// <summary>
/// One graphql-transport-ws connection. A receive loop reads and checks messages; each operation runs on
/// its own task; everything sent goes through one writer, so sends never overlap and a close is sent last.
/// </summary>
public sealed class GraphQLWsSession(
    WebSocket socket,
    GraphQLRequestExecutor executor,
    IGraphQLTextSerializer serializer,
    CallerResolver callers,
    SoraApiOptions options,
    IServiceProvider requestServices,
    string? remoteAddress,
    TimeProvider clock,
    ILogger logger)
{
    private static readonly TimeSpan CloseHandshakeGrace = TimeSpan.FromSeconds(5);

    private readonly ILogger _logger = logger;
    private readonly Channel<Outgoing> _outbox = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, Operation> _operations = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _closing = new();
    private RequestCaller? _caller;
    private int _initReceived;
    private readonly TaskCompletionSource<DateTimeOffset?> _tokenExpiry = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task RunAsync(CancellationToken aborted)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, _closing.Token);
        var writer = WriteLoopAsync();
        var initTimeout = CloseUnlessInitialisedAsync(linked.Token);
        var expiry = CloseWhenTokenExpiresAsync(linked.Token);
        try
        {
            await ReceiveLoopAsync(linked.Token);
        }
        catch (ProtocolViolation violation)
        {
            Close(violation.Code, violation.Message);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
        }
        catch (WebSocketException)
        {
            // The peer went away without a close handshake.
        }
        finally
        {
            foreach (var operation in _operations.Values) operation.Dispose();
            _operations.Clear();
            _outbox.Writer.TryComplete();
            await writer;
            await _closing.CancelAsync();
            await initTimeout;
            await expiry;
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        while (socket.State == WebSocketState.Open)
        {
            var text = await ReceiveTextAsync(cancellationToken);
            if (text is null) return;
            HandleMessage(text);
        }
    }

    private async Task<string?> ReceiveTextAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(8 * 1024);
        try
        {
            using var message = new MemoryStream();
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, cancellationToken);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    _outbox.Writer.TryWrite(Outgoing.Closing(WebSocketCloseStatus.NormalClosure, "Bye"));
                    return null;
                }
                if (received.MessageType == WebSocketMessageType.Binary)
                    throw new ProtocolViolation(CloseCodes.BadRequest, "Binary messages are not part of graphql-transport-ws");
                if (message.Length + received.Count > options.MaxRequestBytes)
                    throw new ProtocolViolation(WebSocketCloseStatus.MessageTooBig, $"Messages are limited to {options.MaxRequestBytes} bytes");
                message.Write(buffer, 0, received.Count);
                if (received.EndOfMessage) return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void HandleMessage(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            throw new ProtocolViolation(CloseCodes.BadRequest, "Invalid message received: not JSON");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
                throw new ProtocolViolation(CloseCodes.BadRequest, "Invalid message received: no 'type'");

            switch (typeElement.GetString())
            {
                case MessageTypes.ConnectionInit: OnConnectionInit(root); break;
                case MessageTypes.Ping: Send(new Envelope(MessageTypes.Pong)); break;
                case MessageTypes.Pong: break;
                case MessageTypes.Subscribe: OnSubscribe(root); break;
                case MessageTypes.Complete: OnComplete(root); break;
                default: throw new ProtocolViolation(CloseCodes.BadRequest, $"Invalid message received: unknown type '{typeElement.GetString()}'");
            }
        }
    }

    private void OnConnectionInit(JsonElement message)
    {
        if (Interlocked.Exchange(ref _initReceived, 1) == 1)
            throw new ProtocolViolation(CloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");

        string? authorization = null;
        if (message.TryGetProperty("payload", out var payload) && payload.ValueKind != JsonValueKind.Null)
        {
            if (payload.ValueKind != JsonValueKind.Object)
                throw new ProtocolViolation(CloseCodes.BadRequest, "Invalid message received: connection_init payload must be an object");
            if (payload.TryGetProperty("authorization", out var value))
                authorization = value.ValueKind == JsonValueKind.String ? value.GetString() : throw new ProtocolViolation(CloseCodes.BadRequest, "authorization must be a string");
        }

        var resolution = callers.Resolve(authorization, remoteAddress);
        if (resolution.Caller is null) throw new ProtocolViolation(CloseCodes.Forbidden, "Forbidden");
        _caller = resolution.Caller;
        _tokenExpiry.TrySetResult(_caller.ExpiresAt);
        Send(new Envelope(MessageTypes.ConnectionAck));
    }

    private void OnSubscribe(JsonElement message)
    {
        if (_caller is null) throw new ProtocolViolation(CloseCodes.Unauthorized, "Unauthorized");
        var id = ReadId(message);
        if (!message.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object
            || !payload.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
            throw new ProtocolViolation(CloseCodes.BadRequest, "Invalid message received: subscribe needs a payload with a 'query' string");

        GraphQLRequest request;
        try
        {
            request = serializer.ReadNode<GraphQLRequest>(payload) ?? throw new JsonException("empty payload");
        }
        catch (Exception error) when (UnreadableInput.Is(error))
        {
            throw new ProtocolViolation(CloseCodes.BadRequest, "Invalid message received: malformed subscribe payload");
        }

        if (_operations.Count >= options.MaxSubscriptionsPerSocket)
        {
            SendErrors(id, [new ExecutionError($"At most {options.MaxSubscriptionsPerSocket} operations may run at once on one connection")
            {
                Code = Sora.Abstractions.Errors.ErrorCodes.RateLimited,
            }]);
            return;
        }
        var operation = new Operation();
        if (!_operations.TryAdd(id, operation))
            throw new ProtocolViolation(CloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
        _ = RunOperationAsync(id, operation, request, _caller);
    }

    private void OnComplete(JsonElement message)
    {
        var id = ReadId(message);
        if (_operations.TryRemove(id, out var operation)) operation.Dispose();
    }

    private static string ReadId(JsonElement message) =>
        message.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } value
            ? value
            : throw new ProtocolViolation(CloseCodes.BadRequest, "Invalid message received: 'id' must be a non-empty string");

    private async Task RunOperationAsync(string id, Operation operation, GraphQLRequest request, RequestCaller caller)
    {
        try
        {
            var result = await executor.ExecuteAsync(request, caller, TransportKind.WebSocket, requestServices, operation.Cancellation);
            if (!IsCurrent(id, operation)) return;

            if (result.Streams is { Count: > 0 } streams)
            {
                var observer = new StreamObserver(this, id, operation);
                operation.Attach(streams.Values.Select(s => s.Subscribe(observer)).ToList());
                return;
            }
            if (result.Data is null && result.Errors is { Count: > 0 })
                SendErrors(id, result.Errors);
            else
            {
                Send(new Envelope(MessageTypes.Next, id, result));
                Send(new Envelope(MessageTypes.Complete, id));
            }
            Finish(id, operation);
        }
        catch (OperationCanceledException) when (operation.Cancellation.IsCancellationRequested)
        {
        }
        catch (Exception error)
        {
            _logger.LogError(error, "GraphQL operation {Id} failed", id);
            SendErrors(id, [new ExecutionError("Internal error; it has been logged")]);
            Finish(id, operation);
        }
    }

    private bool IsCurrent(string id, Operation operation) => _operations.TryGetValue(id, out var current) && ReferenceEquals(current, operation);

    private void Finish(string id, Operation operation)
    {
        if (_operations.TryRemove(new KeyValuePair<string, Operation>(id, operation))) operation.Dispose();
    }

    private void SendErrors(string id, IEnumerable<ExecutionError> errors)
    {
        var payload = new ExecutionErrors();
        payload.AddRange(errors);
        Send(new Envelope(MessageTypes.Error, id, payload));
    }

    private void Send(Envelope envelope) => _outbox.Writer.TryWrite(Outgoing.Message(envelope));

    private void Close(WebSocketCloseStatus code, string reason)
    {
        _outbox.Writer.TryWrite(Outgoing.Closing(code, reason));
        _outbox.Writer.TryComplete();
    }

    private async Task CloseUnlessInitialisedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(options.ConnectionInitTimeout, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        if (Volatile.Read(ref _initReceived) == 0)
            Close(CloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
    }

    /// <summary>
    /// A connection lives longer than the token it was opened with; when that token expires the connection
    /// ends with 4403, as a connection_init with that token would now, and its subscriptions stop with it.
    /// graphql-ws clients treat 4403 as retryable, so one that fetches fresh connection params reconnects.
    /// </summary>
    private async Task CloseWhenTokenExpiresAsync(CancellationToken cancellationToken)
    {
        try
        {
            var expires = await _tokenExpiry.Task.WaitAsync(cancellationToken);
            if (expires is not { } at) return;
            var left = at - clock.GetUtcNow();
            if (left > TimeSpan.Zero) await Task.Delay(left, clock, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        Close(CloseCodes.Forbidden, "Token expired");
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            await foreach (var item in _outbox.Reader.ReadAllAsync())
            {
                if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) break;
                if (item.Envelope is { } envelope)
                {
                    var json = Encoding.UTF8.GetBytes(serializer.Serialize(envelope.ToOperationMessage()));
                    await socket.SendAsync(json, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
                    continue;
                }
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await socket.CloseOutputAsync(item.CloseCode, item.CloseReason, timeout.Token);
                // Give the peer a moment to answer the close handshake; cancelling a receive aborts the socket.
                _closing.CancelAfter(CloseHandshakeGrace);
                break;
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            await _closing.CancelAsync();
        }
    }

    private sealed class StreamObserver(GraphQLWsSession session, string id, Operation operation) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value)
        {
            if (session.IsCurrent(id, operation)) session.Send(new Envelope(MessageTypes.Next, id, value));
        }

        public void OnError(Exception error)
        {
            if (!session.IsCurrent(id, operation)) return;
            session._logger.LogWarning(error, "Subscription {Id} failed", id);
            session.SendErrors(id, [new ExecutionError("The subscription's source failed")]);
            session.Finish(id, operation);
        }

        public void OnCompleted()
        {
            if (!session.IsCurrent(id, operation)) return;
            session.Send(new Envelope(MessageTypes.Complete, id));
            session.Finish(id, operation);
        }
    }

    private sealed class Operation : IDisposable
    {
        private readonly CancellationTokenSource _cancel = new();
        private IReadOnlyList<IDisposable> _subscriptions = [];
        private int _disposed;

        public CancellationToken Cancellation => _cancel.Token;

        public void Attach(IReadOnlyList<IDisposable> subscriptions)
        {
            _subscriptions = subscriptions;
            if (Volatile.Read(ref _disposed) == 1) DisposeSubscriptions();
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
            _cancel.Cancel();
            DisposeSubscriptions();
        }

        private void DisposeSubscriptions()
        {
            foreach (var subscription in Interlocked.Exchange(ref _subscriptions, [])) subscription.Dispose();
        }
    }

    private sealed record Envelope(string Type, string? Id = null, object? Payload = null)
    {
        public OperationMessage ToOperationMessage() => new() { Type = Type, Id = Id, Payload = Payload };
    }

    private readonly record struct Outgoing(Envelope? Envelope, WebSocketCloseStatus CloseCode, string CloseReason)
    {
        public static Outgoing Message(Envelope envelope) => new(envelope, default, "");
        public static Outgoing Closing(WebSocketCloseStatus code, string reason) => new(null, code, reason);
    }
}
