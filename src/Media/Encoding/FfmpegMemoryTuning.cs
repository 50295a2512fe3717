namespace Sora.Media.Encoding;

/// <summary>
/// glibc malloc settings for the ffmpeg processes Sora starts. ffmpeg reads every raw frame into a newly allocated
/// packet (0.6 MB at 854×480); glibc serves blocks that large with mmap, or trims them off its heap once they are freed,
/// so each frame's buffer is faulted in again page by page, which was a third of ffmpeg's CPU time in our encodes. With
/// fixed thresholds the buffers stay in ffmpeg's heap and are reused (5 s at 854×480 from raw frames: 0.86 → 0.54 s of
/// CPU, 3 MB more resident). glibc.malloc.hugetlb=1 asks for transparent huge pages on that heap where the kernel
/// gives them on request (THP "madvise", Debian's default): a fifth fewer page faults and 0.62 → 0.57 s of CPU for the
/// same encode (9 runs each, medians); where it does not, the setting does nothing.
/// </summary>
internal static class FfmpegMemoryTuning
{
    public const string Variable = "GLIBC_TUNABLES";
    public const string Tunables = "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=268435456:glibc.malloc.hugetlb=1";

    private static int _applied;

    /// <summary>
    /// FFMpegCore starts ffmpeg with this process's environment and has no way to add to it, so the setting goes into
    /// that environment, once; glibc reads it only when a process starts, so this process itself is not affected. A
    /// value set by whoever started Sora wins.
    /// </summary>
    public static void ApplyToChildProcesses()
    {
        if (Interlocked.Exchange(ref _applied, 1) == 1) return;
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable))) Environment.SetEnvironmentVariable(Variable, Tunables);
    }
}
