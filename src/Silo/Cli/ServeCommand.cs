using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Npgsql;
using Sora.Inference.Onnx;
using Sora.Silo.Hosting;

namespace Sora.Silo.Cli;

/// <summary><c>sora serve</c>: run the platform, embedded or as one node of a PostgreSQL-backed cluster.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Data folder (grain state, media, keys)", DefaultValueFactory = _ => "./data" };
        var urls = new Option<string>("--urls") { Description = "Where the API and dashboard listen", DefaultValueFactory = _ => SoraHostOptions.DefaultUrls };
        var cluster = new Option<bool>("--cluster") { Description = "Join a cluster whose membership and state live in PostgreSQL" };
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL connection string (cluster mode)" };
        var siloPort = new Option<int>("--silo-port") { Description = "Silo-to-silo port (cluster mode)", DefaultValueFactory = _ => 11111 };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Client gateway port (cluster mode)", DefaultValueFactory = _ => 30000 };
        var trustedProxy = new Option<string[]>("--trusted-proxy")
        {
            Description = "A reverse proxy (address or CIDR network, repeatable) whose X-Forwarded-For gives the client address; none by default",
        };
        var advertise = new Option<string>("--advertise") { Description = "Address other silos reach this one at (cluster mode)", DefaultValueFactory = _ => "127.0.0.1" };

        var gpus = new Option<int?>("--gpus") { Description = "GPUs this node offers to generation jobs (default: those ONNX Runtime's CUDA provider can use)" };
        var onnxModel = new Option<string?>("--onnx-model") { Description = "Folder of the ONNX video model (docs/onnx-engine.md): offers the ONNX engine on this node's GPUs" };
        var onnxCpu = new Option<bool>("--onnx-cpu") { Description = "Let this node's CPU slots run the ONNX engine too (small models, tests)" };
        var noNvenc = new Option<bool>("--no-nvenc") { Description = "Encode every video with libx264 on the CPU, even on GPUs whose NVENC encoder works" };
        var cpuSlots = new Option<int>("--cpu-slots") { Description = "World-engine jobs this node runs at once on its CPU", DefaultValueFactory = _ => 1 };
        var blockedTerms = new Option<string?>("--blocked-terms") { Description = "File of terms a prompt may not contain (default DATA/blocked-terms.txt)" };
        var media = new Option<string?>("--media") { Description = "Folder for generated media (default DATA/media); in a cluster, one folder every node shares" };
        var s3Endpoint = new Option<string?>("--s3-endpoint") { Description = "S3-compatible endpoint for media instead of a folder (credentials: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)" };
        s3Endpoint.Validators.Add(result =>
        {
            if (!Uri.TryCreate(result.GetValueOrDefault<string?>(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                result.AddError("--s3-endpoint must be an http(s) URL");
        });
        var s3Bucket = new Option<string>("--s3-bucket") { Description = "Bucket for media (created if missing)", DefaultValueFactory = _ => "sora-media" };
        var s3Region = new Option<string>("--s3-region") { Description = "Region the S3 signature names", DefaultValueFactory = _ => "us-east-1" };
        var signingCert = new Option<string?>("--signing-cert") { Description = "PEM certificate chain (leaf first) that signs C2PA manifests (default: a local CA in DATA/keys)" };
        var signingKey = new Option<string?>("--signing-key") { Description = "PEM private key (EC P-256) of --signing-cert" };
        foreach (var count in new Option[] { gpus, cpuSlots })
            count.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<int?>() is < 0 or > 64) result.AddError($"{result.Option.Name} must be between 0 and 64");
            });

        advertise.Validators.Add(result =>
        {
            if (!System.Net.IPAddress.TryParse(result.GetValueOrDefault<string>(), out _))
                result.AddError("--advertise must be an IP address");
        });

        trustedProxy.Validators.Add(result =>
        {
            foreach (var proxy in result.GetValueOrDefault<string[]>() ?? [])
                if (!Api.Hosting.TrustedProxies.TryParse(proxy, out _))
                    result.AddError($"--trusted-proxy '{proxy}' is not an IP address or a CIDR network such as 10.0.0.0/8");
        });

        var command = new Command("serve", "Run Sora: Orleans silo, GraphQL API at /graphql, dashboard at /dashboard")
        {
            data, urls, cluster, postgres, siloPort, gatewayPort, advertise, trustedProxy, gpus, noNvenc, cpuSlots, onnxModel, onnxCpu, blockedTerms, media, s3Endpoint, s3Bucket, s3Region, signingCert, signingKey,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(cluster) && string.IsNullOrWhiteSpace(result.GetValue(postgres)))
                result.AddError("--cluster needs --postgres CONNSTRING");
            if (!result.GetValue(cluster) && result.GetValue(postgres) is not null)
                result.AddError("--postgres is only used with --cluster");
            if (result.GetValue(s3Endpoint) is not null && result.GetValue(media) is not null)
                result.AddError("--media and --s3-endpoint are two places for media: give one");
            if (result.GetValue(signingCert) is null != result.GetValue(signingKey) is null)
                result.AddError("give both --signing-cert and --signing-key, or neither");
            if (result.GetValue(onnxCpu) && result.GetValue(onnxModel) is null)
                result.AddError("--onnx-cpu needs --onnx-model FOLDER");
        });
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var modelFolder = parsed.GetValue(onnxModel) is { } model ? Path.GetFullPath(model) : null;
            try
            {
                if (modelFolder is not null) OnnxModelContract.CheckFolder(modelFolder);
            }
            catch (OnnxModelException e)
            {
                Console.Error.WriteLine($"sora serve: {e.Message}");
                return SoraCommandLine.UsageError;
            }
            var options = new SoraHostOptions
            {
                DataDirectory = Path.GetFullPath(parsed.GetValue(data)!),
                Urls = parsed.GetValue(urls)!,
                TrustedProxies = [.. (parsed.GetValue(trustedProxy) ?? []).Select(Api.Hosting.TrustedProxies.Parse)],
                Gpus = parsed.GetValue(gpus),
                Nvenc = !parsed.GetValue(noNvenc),
                CpuSlots = parsed.GetValue(cpuSlots),
                OnnxModelFolder = modelFolder,
                OnnxOnCpu = parsed.GetValue(onnxCpu),
                BlockedTermsFile = parsed.GetValue(blockedTerms) is { } file ? Path.GetFullPath(file) : null,
                MediaFolder = parsed.GetValue(media) is { } folder ? Path.GetFullPath(folder) : null,
                S3Media = parsed.GetValue(s3Endpoint) is { } endpoint
                    ? new Media.S3MediaStoreOptions(new Uri(endpoint), parsed.GetValue(s3Bucket)!) { Region = parsed.GetValue(s3Region)! }
                    : null,
                SigningCertificatePem = parsed.GetValue(signingCert) is { } cert ? Path.GetFullPath(cert) : null,
                SigningKeyPem = parsed.GetValue(signingKey) is { } key ? Path.GetFullPath(key) : null,
                Cluster = parsed.GetValue(cluster)
                    ? new PostgresClusterOptions(parsed.GetValue(postgres)!)
                    {
                        SiloPort = parsed.GetValue(siloPort),
                        GatewayPort = parsed.GetValue(gatewayPort),
                        AdvertisedAddress = parsed.GetValue(advertise)!,
                    }
                    : null,
            };
            WebApplication app;
            try
            {
                app = await SoraWebHost.BuildAsync(options, cancellationToken);
            }
            catch (Exception e) when (e is NpgsqlException or ArgumentException)
            {
                Console.Error.WriteLine($"sora serve: cannot prepare PostgreSQL: {e.Message}");
                return 1;
            }
            catch (Exception e) when (e is Amazon.S3.AmazonS3Exception or Amazon.Runtime.AmazonServiceException or HttpRequestException)
            {
                Console.Error.WriteLine($"sora serve: cannot reach the media bucket: {e.Message}");
                return 1;
            }
            await using var _ = app;
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (Exception e) when (e is IOException or OrleansException or NpgsqlException)
            {
                // Ports in use, an unreachable cluster: the user's to fix, so one clear line instead of a trace.
                Console.Error.WriteLine($"sora serve: could not start: {e.Message}");
                return 1;
            }
            var mode = options.Cluster is null ? "embedded" : $"cluster node, silo port {options.Cluster.SiloPort}";
            foreach (var url in app.Urls)
                Console.WriteLine($"Sora is running ({mode}) at {url}  GraphQL: {url}/graphql  dashboard: {url}{SoraWebHost.DashboardPath}/  data: {options.DataDirectory}");
            await app.WaitForShutdownAsync(CancellationToken.None);
            return 0;
        });
        return command;
    }
}
