using System.Diagnostics;

namespace Sora.Silo.Tests.Infrastructure;

/// <summary>A real S3-compatible server (s3rver from npm, under Node) on a free 127.0.0.1 port, for the S3 media store.</summary>
public sealed class S3TestServer : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sora-s3-").FullName;
    private Process? _process;

    public const string AccessKey = "S3RVER";

    public Uri Endpoint { get; private set; } = new("http://127.0.0.1/");

    public async Task InitializeAsync()
    {
        var port = SoraProcess.FreePort();
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Sora.sln"))) root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("repository root not found");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(root, "tests", "js", "s3-server.mjs"), port.ToString(), _directory }) start.ArgumentList.Add(arg);
        _process = Process.Start(start)!;
        var line = await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (line?.StartsWith("listening", StringComparison.Ordinal) != true)
            throw new InvalidOperationException($"s3rver did not start: {line} {await _process.StandardError.ReadToEndAsync()}");
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        // s3rver's fixed credentials, for the sora processes the tests start (they read the standard AWS variables).
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", AccessKey);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", AccessKey);
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
