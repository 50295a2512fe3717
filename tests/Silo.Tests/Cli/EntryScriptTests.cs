using System.Diagnostics;

namespace Sora.Silo.Tests.Cli;

/// <summary>The <c>./sora</c> bash entry script at the repository root.</summary>
public sealed class EntryScriptTests
{
    private static string Script
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Sora.sln"))) return Path.Combine(dir.FullName, "sora");
            throw new InvalidOperationException("not inside the repository");
        }
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Script);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    [Theory]
    [InlineData]
    [InlineData("launch")]
    [InlineData("--serve")]
    public async Task An_unknown_or_missing_command_prints_usage_and_exits_2(params string[] args)
    {
        var (exit, output) = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains("Usage: ./sora <command>", output);
    }

    [Fact]
    public async Task Help_lists_every_command()
    {
        var (exit, output) = await RunAsync("--help");

        Assert.Equal(0, exit);
        foreach (var command in new[] { "serve", "generate", "verify", "bench", "test" })
            Assert.Contains(command, output);
    }
}
