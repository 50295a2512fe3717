using Sora.Media.Encoding;

namespace Sora.Media.Tests;

/// <summary>Finding the programs a node starts (ffmpeg, espeak-ng) before a job needs them: a node without one says so at start.</summary>
public sealed class ExecutableSearchTests
{
    [Fact]
    public void The_first_executable_match_on_the_path_is_found()
    {
        var dir = TestMedia.Scratch("executable-search");
        var (notExecutable, executable) = (Directory.CreateDirectory(Path.Combine(dir, "a")).FullName, Directory.CreateDirectory(Path.Combine(dir, "b")).FullName);
        File.WriteAllText(Path.Combine(notExecutable, "ffmpeg"), "not a program");
        File.SetUnixFileMode(Path.Combine(notExecutable, "ffmpeg"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(Path.Combine(executable, "ffmpeg"), "#!/bin/sh\n");
        File.SetUnixFileMode(Path.Combine(executable, "ffmpeg"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        Assert.Equal(Path.Combine(executable, "ffmpeg"), Ffmpeg.Locate($"{Path.Combine(dir, "missing")}:{notExecutable}:{executable}"));
        Assert.Null(ExecutableSearch.Locate("espeak-ng", $"{notExecutable}:{executable}"));
    }

    [Fact]
    public void A_program_given_with_its_folder_is_that_file_or_nothing()
    {
        var dir = TestMedia.Scratch("executable-search-path");
        var program = Path.Combine(dir, "speak");
        File.WriteAllText(program, "#!/bin/sh\n");
        File.SetUnixFileMode(program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        Assert.Equal(program, ExecutableSearch.Locate(program, searchPath: ""));
        Assert.Null(ExecutableSearch.Locate(Path.Combine(dir, "missing"), searchPath: dir));
    }

    [Fact]
    public void A_path_without_the_program_finds_nothing()
    {
        var dir = TestMedia.Scratch("executable-search-none");

        Assert.Null(Ffmpeg.Locate(dir));
        Assert.Null(Ffmpeg.Locate(""));
    }

    [Fact]
    public void This_machine_has_the_ffmpeg_the_tests_run()
    {
        Assert.NotNull(Ffmpeg.Locate());
    }
}
