using System.Diagnostics;
using System.Globalization;

namespace Sora.Bench.Shared;

/// <summary>
/// CPU time of this process plus its finished child processes (ffmpeg), so a path that hands work to ffmpeg is
/// charged for it. Unlike wall time it hardly depends on what else shares the cores.
/// </summary>
internal static class CpuTime
{
    /// <summary>Linux reports children's times in clock ticks, 100 per second on every mainstream kernel configuration.</summary>
    private const double TicksPerSecond = 100;

    public static TimeSpan WithChildren() => Process.GetCurrentProcess().TotalProcessorTime + Children();

    /// <summary>CPU time of this process's child processes that have finished.</summary>
    public static TimeSpan Children()
    {
        if (!File.Exists("/proc/self/stat")) return TimeSpan.Zero;
        var stat = File.ReadAllText("/proc/self/stat");
        // Fields after the command name (which is in parentheses and may hold spaces): cutime and cstime are fields 16 and 17.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
