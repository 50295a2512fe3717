namespace Sora.Silo.Hosting;

/// <summary>How one Sora process is hosted: where its data lives, where it listens, which cluster it joins.</summary>
public sealed record SoraHostOptions
{
    public const string DefaultUrls = "http://127.0.0.1:8080";

    public required string DataDirectory { get; init; }
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>Silo and gateway ports of the embedded mode (cluster mode takes them from <see cref="Cluster"/>).</summary>
    public int EmbeddedSiloPort { get; init; } = 11111;
    public int EmbeddedGatewayPort { get; init; } = 30000;

    /// <summary>How long a WebSocket may stay open before it sends <c>connection_init</c>.</summary>
    public TimeSpan WebSocketInitTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Jobs of the World engine this silo runs at once on its CPU.</summary>
    public int CpuSlots { get; init; } = 1;

    /// <summary>GPUs this silo offers to generation jobs (one job per GPU at a time); null: as many as ONNX Runtime's CUDA provider can use.</summary>
    public int? Gpus { get; init; }

    /// <summary>Encode the videos of GPU jobs on the GPU's NVENC where it works (otherwise, and on CPU slots, libx264).</summary>
    public bool Nvenc { get; init; } = true;

    /// <summary>The ONNX engine's model folder (docs/onnx-engine.md); without one, ONNX jobs are refused.</summary>
    public string? OnnxModelFolder { get; init; }

    /// <summary>Let the CPU slots run the ONNX engine too (ONNX Runtime's CPU provider): for small models and tests.</summary>
    public bool OnnxOnCpu { get; init; }

    /// <summary>The espeak-ng program World videos speak their lines with (a name on PATH or a full path).</summary>
    public string SpeechProgram { get; init; } = "espeak-ng";

    /// <summary>The prompt policy's blocked terms, one per line; by default <c>blocked-terms.txt</c> in the data folder.</summary>
    public string? BlockedTermsFile { get; init; }

    /// <summary>Feed sizes and the fan-in threshold.</summary>
    public Grains.Feeds.FeedOptions Feeds { get; init; } = new();

    /// <summary>Where generated media is kept; in a cluster every silo must see the same folder. Default: <c>media/</c> in the data folder.</summary>
    public string? MediaFolder { get; init; }

    /// <summary>An S3-compatible bucket for media instead of a folder (the usual choice for a cluster).</summary>
    public Media.S3MediaStoreOptions? S3Media { get; init; }

    /// <summary>PEM files of the C2PA signing certificate chain and its key; without them a local CA in the data folder signs.</summary>
    public string? SigningCertificatePem { get; init; }
    public string? SigningKeyPem { get; init; }

    /// <summary>Reverse proxies whose X-Forwarded-For gives the client address (for per-address sign-in limits).</summary>
    public IReadOnlyList<System.Net.IPNetwork> TrustedProxies { get; init; } = [];

    /// <summary>Null for the embedded single-process mode.</summary>
    public PostgresClusterOptions? Cluster { get; init; }

    public string DatabaseDirectory => DataDirectory;
    public string MediaDirectory => MediaFolder ?? Path.Combine(DataDirectory, "media");
    public string ScratchDirectory => Path.Combine(DataDirectory, "scratch");
    public string BlockedTermsPath => BlockedTermsFile ?? Path.Combine(DataDirectory, "blocked-terms.txt");
}

/// <summary>Cluster mode: membership, grain state and reminders in PostgreSQL.</summary>
public sealed record PostgresClusterOptions(string ConnectionString)
{
    public int SiloPort { get; init; } = 11111;
    public int GatewayPort { get; init; } = 30000;
    public string AdvertisedAddress { get; init; } = "127.0.0.1";
    public string ClusterId { get; init; } = "sora";
}
