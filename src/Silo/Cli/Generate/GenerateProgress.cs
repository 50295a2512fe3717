using Spectre.Console;

namespace Sora.Silo.Cli.Generate;

/// <summary>Frames done out of total: a Spectre.Console bar on a terminal, plain lines (about every tenth) otherwise.</summary>
public static class GenerateProgress
{
    public static async Task<T> RunAsync<T>(int totalFrames, TextWriter output, Func<Action<int>, Task<T>> work)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            var done = 0;
            var lastTenth = 0;
            return await work(frames =>
            {
                done += frames;
                var tenth = done * 10 / totalFrames;
                if (tenth == lastTenth && done < totalFrames) return;
                lastTenth = tenth;
                output.WriteLine($"frames {done}/{totalFrames}");
            });
        }
        return await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"frames 0/{totalFrames}", maxValue: totalFrames);
                return await work(frames =>
                {
                    task.Increment(frames);
                    task.Description = $"frames {(int)task.Value}/{totalFrames}";
                });
            });
    }
}
