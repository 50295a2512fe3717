using Orleans.Runtime;

namespace Sora.Abstractions.Server;

/// <summary>Stream ids of the server namespace.</summary>
public static class ServerStreams
{
    public static StreamId Events { get; } = StreamId.Create(StreamNamespaces.Server, IServerEventsGrain.Key);
}
