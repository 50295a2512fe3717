namespace Sora.Abstractions.Server;

/// <summary>
/// The one ordered source of server events (key <see cref="Key"/>); it numbers them and publishes each
/// on stream <c>server/events</c>.
/// </summary>
[Alias("Sora.IServerEventsGrain")]
public interface IServerEventsGrain : IGrainWithStringKey
{
    const string Key = "events";

    [Alias("Publish")]
    Task<ServerEvent> PublishAsync(ServerEventKind kind, string message);

    [Alias("Recent")]
    Task<IReadOnlyList<ServerEvent>> RecentAsync(int max);
}
