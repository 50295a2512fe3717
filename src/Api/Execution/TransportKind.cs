namespace Sora.Api.Execution;

/// <summary>How an operation arrived; some operations are only allowed on some transports.</summary>
public enum TransportKind
{
    HttpGet,
    HttpPost,
    WebSocket,
}
