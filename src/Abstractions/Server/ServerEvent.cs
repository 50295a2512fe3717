namespace Sora.Abstractions.Server;

/// <summary>Something operators and clients may want to hear about the running platform.</summary>
[GenerateSerializer, Immutable, Alias("Sora.ServerEvent")]
public sealed record ServerEvent(
    [property: Id(0)] long Sequence,
    [property: Id(1)] ServerEventKind Kind,
    [property: Id(2)] string Message,
    [property: Id(3)] DateTimeOffset At);

[GenerateSerializer, Alias("Sora.ServerEventKind")]
public enum ServerEventKind
{
    Announcement = 0,
    SiloStarted = 1,
    SiloStopping = 2,
}
