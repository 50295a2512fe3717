using System.Runtime;

namespace Sora.Bench.Shared;

/// <summary>
/// What the runtime did during a run: collections per generation and the time the process stood paused for
/// them, bytes allocated, and methods the JIT compiled (a run that still compiles is not warm yet).
/// </summary>
internal readonly record struct RuntimeActivity(int Gen0, int Gen1, int Gen2, TimeSpan Paused, long AllocatedBytes, long JitMethods, TimeSpan JitTime)
{
    public static RuntimeActivity Now() =>
        new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(precise: true),
            JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime());

    public static RuntimeActivity operator -(RuntimeActivity after, RuntimeActivity before) =>
        new(after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2, after.Paused - before.Paused,
            after.AllocatedBytes - before.AllocatedBytes, after.JitMethods - before.JitMethods, after.JitTime - before.JitTime);

    public string Jit => $"{JitMethods} methods JIT-compiled in {JitTime.TotalMilliseconds:F0} ms";

    public string Describe(int operations) =>
        $"GC {Gen0}/{Gen1}/{Gen2} (gen0/1/2), paused {Paused.TotalMilliseconds:F0} ms, {AllocatedBytes / 1024.0 / Math.Max(1, operations):F1} KB allocated per request; {Jit}";
}
