using System.Data.Common;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Dashboard;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Sora.Abstractions;
using Sora.Abstractions.Media;
using Sora.Inference.World.Sound;
using Sora.Media.Encoding;
using Sora.Media.Provenance;
using Sora.Silo.Media;
using Sora.Grains.Generation;
using Sora.Inference.Onnx.Devices;
using Sora.Silo.Generation;
using Sora.Silo.Storage;

namespace Sora.Silo.Hosting;

/// <summary>
/// Everything a Sora silo needs, shared by <c>sora serve</c> and the in-process test cluster so that tests
/// run the configuration we ship.
/// </summary>
public static class SiloConfiguration
{
    public const string ServiceId = "sora";
    public const string PostgresInvariant = "Npgsql";

    /// <summary>
    /// How often a silo's stream agents look for new events. Eight queues polled forty times a second cost an idle node
    /// about 20 ms of CPU per second (58 against 38 ms/s polling every 200 ms), for a live event that waits 12 ms on average.
    /// </summary>
    public static readonly TimeSpan StreamPollPeriod = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// Grain locations a silo remembers (Orleans' default: a million). The cache's dictionary is allocated at that size,
    /// and the dashboard's metrics count it every second by walking every bucket: 5.7 ms of CPU per second on an idle
    /// node at a million, 0.2 ms at this size (perf, 20 s idle). A location not remembered costs one directory lookup.
    /// </summary>
    public const int GrainLocationCacheSize = 100_000;

    /// <summary>Clustering for the chosen mode, then <see cref="AddSoraServices"/>.</summary>
    public static ISiloBuilder ConfigureSora(this ISiloBuilder silo, SoraHostOptions options)
    {
        if (options.Cluster is { } cluster)
        {
            DbProviderFactories.RegisterFactory(PostgresInvariant, NpgsqlFactory.Instance);
            silo.Configure<ClusterOptions>(o => { o.ClusterId = cluster.ClusterId; o.ServiceId = ServiceId; });
            silo.ConfigureEndpoints(IPAddress.Parse(cluster.AdvertisedAddress), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
            silo.UseAdoNetClustering(o => { o.Invariant = PostgresInvariant; o.ConnectionString = cluster.ConnectionString; });
        }
        else
        {
            silo.UseLocalhostClustering(options.EmbeddedSiloPort, options.EmbeddedGatewayPort, serviceId: ServiceId, clusterId: "embedded");
        }
        return silo.AddSoraServices(options);
    }

    /// <summary>Storage, reminders, streams and the dashboard for the chosen mode, without clustering.</summary>
    public static ISiloBuilder AddSoraServices(this ISiloBuilder silo, SoraHostOptions options)
    {
        silo.Services.AddSingleton(TimeProvider.System);
        silo.Services.AddSingleton<Sora.Grains.Videos.LocalVideoViews>();
        silo.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options.Feeds));
        // The Orleans binary format honours [Id] attributes, so stored state survives renames and new fields.
        silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();

        if (options.Cluster is { } cluster)
        {
            foreach (var name in new[] { StorageNames.Default, StorageNames.PubSub })
                silo.AddAdoNetGrainStorage(name, o => { o.Invariant = PostgresInvariant; o.ConnectionString = cluster.ConnectionString; });
            silo.UseAdoNetReminderService(o => { o.Invariant = PostgresInvariant; o.ConnectionString = cluster.ConnectionString; });
        }
        else
        {
            silo.Services.AddSingleton(new SqliteDatabase(options.DatabaseDirectory));
            foreach (var name in new[] { StorageNames.Default, StorageNames.PubSub })
                silo.Services.AddGrainStorage(name, CreateSqliteStorage);
            silo.AddReminders();
            silo.Services.AddSingleton<IReminderTable, SqliteReminderTable>();
        }

        // Stream events are pulled from their queues on a timer; Orleans' default of 100 ms added half that on average
        // to every live chunk, progress and completion a watcher sees.
        silo.AddMemoryStreams(StreamNamespaces.Provider, streams => streams.ConfigurePullingAgent(agent =>
            agent.Configure(o => o.GetQueueMsgsTimerPeriod = StreamPollPeriod)));
        silo.AddGeneration(options);
        silo.Configure<GrainDirectoryOptions>(o => o.CacheSize = GrainLocationCacheSize);
        silo.AddDashboard();
        return silo;
    }

    /// <summary>Device advertisement, worker placement and the job rules of the generation pipeline.</summary>
    private static void AddGeneration(this ISiloBuilder silo, SoraHostOptions options)
    {
        var devices = LocalDevices.Resolve(options.CpuSlots, options.Gpus, options.OnnxOnCpu && options.OnnxModelFolder is not null,
            CudaDeviceProbe.ThisMachine, Ffmpeg.Locate());
        silo.UseSiloMetadata(new Dictionary<string, string>
        {
            [DeviceAdvertisement.MetadataKey] = devices.Advertisement,
        });
        silo.Services.AddSingleton(devices);
        silo.Services.AddHostedService<LocalDevicesReport>();
        silo.AddPlacementDirector<DevicePlacement, DevicePlacementDirector>();
        // A lost job must be picked up within 30 s, so the watchdog reminder ticks faster than Orleans' default minimum.
        silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = GenerationGrain.WatchdogPeriod);
        silo.Services.AddSingleton<IDeviceInventory, ClusterDeviceInventory>();
        silo.Services.AddSingleton<IPromptPolicy>(BlockedTermsPolicy.FromFile(options.BlockedTermsPath));

        silo.Services.AddSingleton<IMediaStore>(_ => options.S3Media is { } s3 ? new S3MediaStore(s3) : new LocalMediaStore(options.MediaDirectory));
        silo.Services.AddSingleton(new Lazy<SigningCredentials>(() => SigningCredentials.Load(new SigningKeyOptions
        {
            DataDirectory = options.DataDirectory,
            CertificateChainPemPath = options.SigningCertificatePem,
            PrivateKeyPemPath = options.SigningKeyPem,
        })));
        silo.Services.AddSingleton(new MediaGenerationOptions { ScratchDirectory = options.ScratchDirectory, UseNvenc = options.Nvenc });
        silo.Services.AddSingleton<GpuEncoders>();
        silo.Services.AddSingleton(new OnnxEngineOptions(options.OnnxModelFolder, options.OnnxOnCpu));
        silo.Services.AddSingleton(new SoundSynthesisOptions { EspeakProgram = options.SpeechProgram });
        silo.Services.AddSingleton<EngineCatalog>();
        silo.Services.AddHostedService<SpeechEngineReport>();
        silo.Services.AddSingleton<EncoderStandby>();
        silo.Services.AddSingleton<IGenerationRunner, MediaGenerationRunner>();
    }

    private static SqliteGrainStorage CreateSqliteStorage(IServiceProvider services, string name) => new(
        name,
        services.GetRequiredService<SqliteDatabase>(),
        services.GetRequiredService<IGrainStorageSerializer>(),
        services.GetRequiredService<IActivatorProvider>(),
        services.GetRequiredService<TimeProvider>());
}
