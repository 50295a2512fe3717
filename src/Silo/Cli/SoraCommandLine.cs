using System.CommandLine;

namespace Sora.Silo.Cli;

/// <summary>The <c>sora</c> command line: one root command, one file per subcommand.</summary>
public static class SoraCommandLine
{
    /// <summary>Exit code for a command line that could not be understood.</summary>
    public const int UsageError = 2;

    private static readonly TimeSpan GracefulStopLimit = TimeSpan.FromSeconds(60);

    public static RootCommand Build()
    {
        var root = new RootCommand("Sora: generated short videos with sound, marked and signed, in a social feed.");
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(DbCommand.Create());
        root.Subcommands.Add(VerifyCommand.Create());
        root.Subcommands.Add(GenerateCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var root = Build();
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) Console.Error.WriteLine($"sora: {error.Message}");
            Console.Error.WriteLine("Run 'sora --help' for usage.");
            return UsageError;
        }
        // Ctrl-C cancels the running command; give it time to finish cleanly (a silo leaving its cluster,
        // an encoder closing its file) before the process gives up with 130.
        return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = GracefulStopLimit });
    }
}
