using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Sora.Grains.Generation;
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

    /// <summary>The one term the test prompt policy blocks.</summary>
    public const string BlockedTerm = "forbidden thing";

    /// <summary>Devices per silo: one CPU slot and one GPU each, so two silos offer four devices.</summary>
    public const int CpuSlotsPerSilo = 1, GpusPerSilo = 1;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("sora-grains-test-").FullName;
    public TestCluster Cluster { get; private set; } = null!;
    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        File.WriteAllLines(Path.Combine(DataDirectory, "blocked-terms.txt"), ["# test policy", BlockedTerm]);
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
        public void Configure(ISiloBuilder silo)
        {
            silo.AddSoraServices(new SoraHostOptions
            {
                DataDirectory = silo.Configuration[DataKey]!,
                CpuSlots = CpuSlotsPerSilo,
                Gpus = GpusPerSilo,
                // Small enough that tests can put a creator over it with a handful of followers.
                Feeds = new Grains.Feeds.FeedOptions { FanInFollowerThreshold = FanInThreshold },
            });
            silo.Services.AddSingleton<IGenerationRunner>(ScriptedRunner.Instance);
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.AddMemoryStreams(Abstractions.StreamNamespaces.Provider);
    }
}
