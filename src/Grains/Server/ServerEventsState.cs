using Sora.Abstractions.Server;

namespace Sora.Grains.Server;

[GenerateSerializer, Alias("Sora.ServerEventsState")]
public sealed class ServerEventsState
{
    public const int Retained = 100;

    [Id(0)] public long LastSequence { get; set; }
    [Id(1)] public List<ServerEvent> Recent { get; set; } = [];

    public ServerEvent Append(ServerEventKind kind, string message, DateTimeOffset at)
    {
        var next = new ServerEvent(++LastSequence, kind, message, at);
        Recent.Add(next);
        if (Recent.Count > Retained) Recent.RemoveRange(0, Recent.Count - Retained);
        return next;
    }
}
