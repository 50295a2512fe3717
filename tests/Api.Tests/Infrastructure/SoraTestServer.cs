using Microsoft.AspNetCore.Builder;
using Sora.Api.Auth;
using Sora.Silo.Hosting;

namespace Sora.Api.Tests.Infrastructure;

/// <summary>A real embedded Sora (silo + Kestrel on a random 127.0.0.1 port) in a fresh data folder.</summary>
public class SoraTestServer : IAsyncLifetime
{
    /// <summary>Reverse proxies this server believes (none, like a default <c>sora serve</c>).</summary>
    protected virtual IReadOnlyList<System.Net.IPNetwork> TrustedProxies => [];

    private WebApplication? _app;

    /// <summary>Changes to the default options (an ONNX model, a GPU count) for tests that need them.</summary>
    public Func<SoraHostOptions, SoraHostOptions>? Configure { get; init; }

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("sora-api-test-").FullName;
    public string BaseUrl { get; private set; } = "";
    public string GraphQLUrl => BaseUrl + "/graphql";
    public string WebSocketUrl => GraphQLUrl.Replace("http://", "ws://");
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The server is not running");
    public string OperatorToken => File.ReadAllText(Path.Combine(DataDirectory, Auth.OperatorToken.FileName)).Trim();

    public Task InitializeAsync() => StartAsync();

    /// <summary>A term the test server's prompt policy refuses.</summary>
    public const string BlockedTerm = "forbidden thing";

    public async Task StartAsync()
    {
        var blocked = Path.Combine(DataDirectory, "blocked-terms.txt");
        if (!File.Exists(blocked)) await File.WriteAllTextAsync(blocked, BlockedTerm + "\n");
        var options = new SoraHostOptions
        {
            DataDirectory = DataDirectory,
            Urls = "http://127.0.0.1:0",
            EmbeddedSiloPort = FreePort.Next(),
            EmbeddedGatewayPort = FreePort.Next(),
            WebSocketInitTimeout = TimeSpan.FromSeconds(1),
            TrustedProxies = TrustedProxies,
        };
        _app = await SoraWebHost.BuildAsync(Configure?.Invoke(options) ?? options, CancellationToken.None);
        await _app.StartAsync();
        BaseUrl = _app.Urls.First().TrimEnd('/');
    }

    public async Task StopAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
