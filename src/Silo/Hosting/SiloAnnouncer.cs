using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sora.Abstractions.Server;

namespace Sora.Silo.Hosting;

/// <summary>Tells subscribers of <c>serverEvents</c> when this silo joins and leaves.</summary>
public sealed class SiloAnnouncer(IGrainFactory grains, ILocalSiloDetails silo, ILogger<SiloAnnouncer> logger) : IHostedService
{
    private IServerEventsGrain Events => grains.GetGrain<IServerEventsGrain>(IServerEventsGrain.Key);

    public Task StartAsync(CancellationToken cancellationToken) => AnnounceAsync(ServerEventKind.SiloStarted, "started");

    public Task StopAsync(CancellationToken cancellationToken) => AnnounceAsync(ServerEventKind.SiloStopping, "stopping");

    private async Task AnnounceAsync(ServerEventKind kind, string what)
    {
        try
        {
            await Events.PublishAsync(kind, $"silo {silo.SiloAddress} {what}");
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // An announcement is a courtesy; failing to make one must not stop the silo from starting or stopping.
            logger.LogWarning(error, "Could not announce that silo {Silo} {What}", silo.SiloAddress, what);
        }
    }
}
