using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Dashboard;
using Sora.Api;
using Sora.Api.Hosting;

namespace Sora.Silo.Hosting;

/// <summary>One Sora process: an Orleans silo with the GraphQL API and the dashboard co-hosted on Kestrel.</summary>
public static class SoraWebHost
{
    public const string DashboardPath = "/dashboard";

    public static async Task<WebApplication> BuildAsync(SoraHostOptions options, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.DataDirectory);
        Directory.CreateDirectory(options.MediaDirectory);
        if (options.Cluster is { } cluster)
            await Postgres.PostgresSchema.ApplyAsync(cluster.ConnectionString, cancellationToken);
        if (options.S3Media is { } s3)
        {
            using var bucket = new Media.S3MediaStore(s3);
            await bucket.EnsureBucketAsync(cancellationToken);
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.ClearProviders();
        if (Console.IsOutputRedirected) builder.Logging.AddJsonConsole();
        else builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        // Orleans warns at every start that reminders under a minute are "unsuitable for production"; the generation
        // watchdog's 10 s period is deliberate (a lost job is picked up within 30 s) and costs one tick per unfinished job.
        builder.Logging.AddFilter("Orleans.Hosting.ReminderOptionsValidator", LogLevel.Error);

        builder.Services.AddSingleton(options);
        builder.UseOrleans(silo => silo.ConfigureSora(options));
        builder.Services.AddSoraApi(new SoraApiOptions
        {
            DataDirectory = options.DataDirectory,
            Mode = options.Cluster is null ? "embedded" : "cluster",
            ConnectionInitTimeout = options.WebSocketInitTimeout,
            TrustedProxies = options.TrustedProxies,
        });
        builder.Services.AddHostedService<SiloAnnouncer>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));

        var app = builder.Build();
        app.UseTrustedProxies(options.TrustedProxies);
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.MapSoraApi();
        app.UseDashboardOperatorGate(DashboardPath);
        app.MapOrleansDashboard(routePrefix: DashboardPath);
        return app;
    }
}
