namespace Sora.Media;

/// <summary>Where a program Sora starts (ffmpeg, espeak-ng) would be found, so a node can say at start what it lacks.</summary>
public static class ExecutableSearch
{
    /// <summary>
    /// The file <paramref name="program"/> runs: the path itself if it has a folder in it, else the first executable
    /// match in <paramref name="searchPath"/> (default: the PATH variable); null when there is none (or no program is named).
    /// </summary>
    public static string? Locate(string program, string? searchPath = null)
    {
        if (string.IsNullOrWhiteSpace(program)) return null;
        if (program.Contains('/')) return IsExecutable(program) ? Path.GetFullPath(program) : null;
        var folders = (searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return folders.Select(folder => Path.Combine(folder, program)).FirstOrDefault(IsExecutable);
    }

    private static bool IsExecutable(string file) =>
        File.Exists(file) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
}
