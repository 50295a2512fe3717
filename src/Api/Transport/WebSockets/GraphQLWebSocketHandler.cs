using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Sora.Api.Auth;
using Sora.Api.Execution;

namespace Sora.Api.Transport.WebSockets;

/// <summary>Accepts WebSocket upgrades at <c>/graphql</c> and runs a <see cref="GraphQLWsSession"/> on each.</summary>
public sealed class GraphQLWebSocketHandler(
    GraphQLRequestExecutor executor,
    IGraphQLTextSerializer serializer,
    CallerResolver callers,
    SoraApiOptions options,
    TimeProvider clock,
    ILoggerFactory loggers)
{
    public async Task HandleAsync(HttpContext context)
    {
        var offersProtocol = context.WebSockets.WebSocketRequestedProtocols.Contains(MessageTypes.Subprotocol, StringComparer.Ordinal);
        using var socket = await context.WebSockets.AcceptWebSocketAsync(offersProtocol ? MessageTypes.Subprotocol : null);
        if (!offersProtocol)
        {
            try
            {
                await socket.CloseAsync(CloseCodes.SubprotocolNotAcceptable, "Subprotocol not acceptable", context.RequestAborted);
            }
            catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or OperationCanceledException)
            {
                // A client that asked for another subprotocol (the legacy "graphql-ws") drops the connection itself on
                // seeing none chosen; there is no one left to tell.
            }
            return;
        }
        var session = new GraphQLWsSession(socket, executor, serializer, callers, options, context.RequestServices,
            context.Connection.RemoteIpAddress?.ToString(), clock, loggers.CreateLogger<GraphQLWsSession>());
        await session.RunAsync(context.RequestAborted);
    }
}
