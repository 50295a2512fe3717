using System.Net.WebSockets;

namespace Sora.Api.Transport.WebSockets;

/// <summary>The peer broke the protocol; the socket closes with <see cref="Code"/> and the message as reason.</summary>
public sealed class ProtocolViolation(WebSocketCloseStatus code, string reason) : Exception(reason)
{
    public WebSocketCloseStatus Code { get; } = code;
}
