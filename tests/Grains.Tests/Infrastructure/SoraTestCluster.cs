using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using Sora.Silo.Hosting;

namespace Sora.Grains.Tests.Infrastructure;

/// <summary>
/// The in-process test cluster with the configuration <c>sora serve</c> ships (SQLite state and reminders,
/// memory streams), two silos sharing one data folder.
/// </summary>
public sealed class SoraTestCluster : IAsyncLifetime
{
    private const string DataKey = "Sora:DataDirectory";
    public const int FanInThreshold = 3;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("sora-grains-test-").FullName;
    public TestCluster Cluster { get; private set; } = null!;
    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(initialSilosCount: 2);
        builder.Properties[DataKey] = DataDirectory;
        builder.AddSiloBuilderConfigurator<Configurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo) =>
            silo.AddSoraServices(new SoraHostOptions
            {
                DataDirectory = silo.Configuration[DataKey]!,
                // Small enough that tests can put a creator over it with a handful of followers.
                Feeds = new Grains.Feeds.FeedOptions { FanInFollowerThreshold = FanInThreshold },
            });
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.AddMemoryStreams(Abstractions.StreamNamespaces.Provider);
    }
}
