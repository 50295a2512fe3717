using System.CommandLine;
using Sora.Media.Watermark;
using Spectre.Console;

namespace Sora.Bench.Watermark;

/// <summary><c>sora bench watermark</c>: speed, PSNR, robustness per attack, and the measured false-positive rate of our marks.</summary>
internal static class WatermarkBench
{
    public static Command Create()
    {
        var clips = new Option<int>("--clips") { Description = "Marked clips per attack in the robustness table", DefaultValueFactory = _ => 20 };
        var unmarked = new Option<int>("--unmarked") { Description = "Unmarked clips for the false-positive measurement", DefaultValueFactory = _ => 200 };
        var frames = new Option<int>("--frames") { Description = "Frames per speed measurement", DefaultValueFactory = _ => 480 };
        var skipRobustness = new Option<bool>("--speed-only") { Description = "Only speed and PSNR" };
        var command = new Command("watermark", "Watermark speed, PSNR, robustness per attack and false positives") { clips, unmarked, frames, skipRobustness };
        command.SetAction(async (parsed, ct) =>
        {
            var scratch = Path.Combine(Path.GetTempPath(), "sora-bench-watermark-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(scratch);
            try
            {
                await RunAsync(scratch, parsed.GetValue(clips), parsed.GetValue(unmarked), parsed.GetValue(frames), parsed.GetValue(skipRobustness), ct);
                return 0;
            }
            finally
            {
                Directory.Delete(scratch, recursive: true);
            }
        });
        return command;
    }

    private static async Task RunAsync(string scratch, int clips, int unmarked, int frames, bool speedOnly, CancellationToken ct)
    {
        var console = AnsiConsole.Console;
        console.MarkupLine($"[bold]Watermark benchmark[/]  {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSArchitecture}");

        var speed = new Table().Title("Speed and PSNR (invisible mark alone; all marks = visible + invisible, frames in parallel)")
            .AddColumns("resolution", "invisible embed fps", "all marks embed fps", "detect fps", "detect search ms", "PSNR dB");
        foreach (var (name, w, h) in new[] { ("480p (854×480)", 854, 480), ("720p (1280×720)", 1280, 720) })
        {
            var s = SpeedRun.Measure(name, w, h, frames);
            speed.AddRow(s.Resolution, $"{s.InvisibleEmbedFps:F0}", $"{s.AllMarksEmbedFps:F0}", $"{s.DetectFps:F0}", $"{s.DetectSearchMs:F0}", $"{s.PsnrDb:F2}");
        }
        console.Write(speed);
        if (speedOnly) return;

        const int width = 640, height = 360;
        const double videoSeconds = 4, audioSeconds = 8;
        console.MarkupLine($"Robustness: {clips} clips of {videoSeconds} s at {width}×{height} (video) and {audioSeconds} s (audio), marked through MediaMarker and Mp4Encoder…");
        var robustness = await new RobustnessRun(scratch, clips, width, height, videoSeconds, audioSeconds).RunAsync(p => console.MarkupLine($"  [grey]{p}[/]"), ct);
        var table = new Table().Title("Robustness (bit accuracy: payload bits after error correction; raw: coded bits before it)")
            .AddColumns("mark", "attack", "detected", "bit accuracy", "raw bit accuracy");
        foreach (var r in robustness)
            table.AddRow(r.Mark, Markup.Escape(r.Description), $"{r.Detected}/{r.Clips} ({r.DetectionRate:P0})", $"{r.PayloadBitAccuracy:F4}", $"{r.CodedBitAccuracy:F4}");
        console.Write(table);

        console.MarkupLine($"False positives: {unmarked} unmarked clips from {string.Join(", ", UnmarkedClipSources.All.Select(s => s.Name))}…");
        var fp = await new FalsePositiveRun(scratch, unmarked, 480, 272).RunAsync(p => console.MarkupLine($"  [grey]{p}[/]"), ct);
        var fpTable = new Table().Title("False positives on unmarked clips (video through H.264 CRF 23)")
            .AddColumns("mark", "clips", "detected", "CRC matches", "mean sync", "max sync", "threshold");
        foreach (var f in fp) fpTable.AddRow(f.Mark, $"{f.Clips}", $"{f.Detected}", $"{f.CrcMatches}", $"{f.MeanSync:F2}", $"{f.MaxSync:F2}", $"{f.Threshold:0.0#}");
        console.Write(fpTable);
    }
}
