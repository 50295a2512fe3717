using System.Diagnostics;
using System.Text.Json;

namespace Sora.Api.Tests.Infrastructure;

/// <summary>Runs <c>tests/js/probe.mjs</c>: a real Node client (fetch, ws, graphql-ws) against a running Sora.</summary>
internal static class NodeProbe
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private static bool _installed;

    public static async Task<JsonElement> RunAsync(object scenario, TimeSpan? timeout = null)
    {
        await EnsureInstalledAsync();
        var json = JsonSerializer.Serialize(scenario, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase });
        var (exit, stdout, stderr) = await RunProcessAsync("node", [Repository.Path("tests", "js", "probe.mjs"), json], timeout ?? TimeSpan.FromSeconds(60));
        Assert.True(exit == 0, $"node probe failed ({exit}): {stdout} {stderr}");
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    private static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (_installed || Directory.Exists(Repository.Path("tests", "js", "node_modules", "graphql-ws"))) { _installed = true; return; }
            var (exit, stdout, stderr) = await RunProcessAsync("npm", ["ci", "--no-audit", "--no-fund", "--prefix", Repository.Path("tests", "js")], TimeSpan.FromMinutes(5));
            Assert.True(exit == 0, $"npm ci in tests/js failed: {stdout} {stderr}");
            _installed = true;
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunProcessAsync(string file, string[] args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within {timeout}");
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
