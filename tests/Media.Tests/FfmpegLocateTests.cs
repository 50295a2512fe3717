using Sora.Media.Encoding;

namespace Sora.Media.Tests;

/// <summary>Finding ffmpeg before a job needs it: a silo without it says so at start instead of failing every job.</summary>
public sealed class FfmpegLocateTests
{
    [Fact]
    public void The_first_executable_ffmpeg_on_the_path_is_found()
    {
        var dir = TestMedia.Scratch("ffmpeg-locate");
        var (notExecutable, executable) = (Directory.CreateDirectory(Path.Combine(dir, "a")).FullName, Directory.CreateDirectory(Path.Combine(dir, "b")).FullName);
        File.WriteAllText(Path.Combine(notExecutable, "ffmpeg"), "not a program");
        File.SetUnixFileMode(Path.Combine(notExecutable, "ffmpeg"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(Path.Combine(executable, "ffmpeg"), "#!/bin/sh\n");
        File.SetUnixFileMode(Path.Combine(executable, "ffmpeg"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        Assert.Equal(Path.Combine(executable, "ffmpeg"), Ffmpeg.Locate($"{Path.Combine(dir, "missing")}:{notExecutable}:{executable}"));
    }

    [Fact]
    public void A_path_without_ffmpeg_finds_nothing()
    {
        var dir = TestMedia.Scratch("ffmpeg-locate-none");

        Assert.Null(Ffmpeg.Locate(dir));
        Assert.Null(Ffmpeg.Locate(""));
    }

    [Fact]
    public void This_machine_has_the_ffmpeg_the_tests_run()
    {
        Assert.NotNull(Ffmpeg.Locate());
    }
}
