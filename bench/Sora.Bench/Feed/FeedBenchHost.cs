using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Sora.Grains.Feeds;
using Sora.Silo.Hosting;

namespace Sora.Bench.Feed;

/// <summary>A real embedded Sora (silo + Kestrel on 127.0.0.1) in a fresh data folder, for one benchmark run.</summary>
internal sealed class FeedBenchHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FeedBenchHost(WebApplication app, string dataDirectory)
    {
        _app = app;
        DataDirectory = dataDirectory;
    }

    public string DataDirectory { get; }
    public string GraphQLUrl => _app.Urls.First().TrimEnd('/') + "/graphql";
    public IServiceProvider Services => _app.Services;
    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    public static async Task<FeedBenchHost> StartAsync(FeedOptions feeds, CancellationToken cancellationToken,
        Func<SoraHostOptions, SoraHostOptions>? configure = null)
    {
        var data = Directory.CreateTempSubdirectory("sora-bench-feed-").FullName;
        var options = new SoraHostOptions
        {
            DataDirectory = data,
            Urls = "http://127.0.0.1:0",
            EmbeddedSiloPort = FreePort(),
            EmbeddedGatewayPort = FreePort(),
            Feeds = feeds,
        };
        var app = await SoraWebHost.BuildAsync(configure?.Invoke(options) ?? options, cancellationToken);
        await app.StartAsync(cancellationToken);
        return new FeedBenchHost(app, data);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
