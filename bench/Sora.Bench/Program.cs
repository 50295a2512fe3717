using System.CommandLine;

// One subcommand per benchmark family; each prints its figures (medians) as a table.
var root = new RootCommand("Sora benchmarks: print figures, never assert them.");
foreach (var bench in BenchRegistry.All) root.Subcommands.Add(bench);
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors) Console.Error.WriteLine($"sora bench: {error.Message}");
    return 2;
}
return await parsed.InvokeAsync();
