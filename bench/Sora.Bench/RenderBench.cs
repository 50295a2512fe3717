using System.CommandLine;
using System.Diagnostics;
using Sora.Inference.World.Rendering;

/// <summary><c>sora-bench render</c>: frames per second of the World renderer on the showcase scene (median of 5 runs).</summary>
internal static class RenderBench
{
    private const int Runs = 5;
    private const int FramesPerRun = 48;

    public static Command Command()
    {
        var style = new Option<string>("--style") { Description = "Style to render (Catalog name)", DefaultValueFactory = _ => "cinematic" };
        var environment = new Option<string>("--environment") { Description = "Environment to render (Catalog name)", DefaultValueFactory = _ => "lake" };
        var command = new Command("render", "Frames per second of the CPU renderer at 854×480 and 1280×720 (median of 5 runs).") { style, environment };
        command.SetAction(parsed =>
        {
            var styleName = parsed.GetValue(style)!;
            var environmentName = parsed.GetValue(environment)!;
            Console.WriteLine($"renderer: RasterRenderer, scene: showcase ({environmentName}, {styleName}), {Environment.ProcessorCount} cores");
            Console.WriteLine($"{"size",-10} {"fps (median)",12} {"ms/frame",10} {"min fps",9} {"max fps",9} {"cpu ms/frame",13}");
            foreach (var (width, height) in new[] { (854, 480), (1280, 720) })
            {
                var look = ShowcaseScene.Look(environmentName, styleName, width, height);
                var renderer = new RasterRenderer();
                var pixels = new byte[width * height * 3];
                for (var i = 0; i < 8; i++) renderer.Render(look, ShowcaseScene.Frame(i, i / 24.0), pixels);
                var rates = new double[Runs];
                var cpu = new double[Runs];
                for (var run = 0; run < Runs; run++)
                {
                    var frames = Enumerable.Range(0, FramesPerRun).Select(i => ShowcaseScene.Frame(i, i / 24.0)).ToArray();
                    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                    var clock = Stopwatch.StartNew();
                    foreach (var frame in frames) renderer.Render(look, frame, pixels);
                    rates[run] = FramesPerRun / clock.Elapsed.TotalSeconds;
                    cpu[run] = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / FramesPerRun;
                }
                Array.Sort(rates);
                Array.Sort(cpu);
                var median = rates[Runs / 2];
                // CPU time per frame is the fairer figure when other processes share the cores.
                Console.WriteLine($"{width + "x" + height,-10} {median,12:F1} {1000 / median,10:F2} {rates[0],9:F1} {rates[^1],9:F1} {cpu[Runs / 2],13:F1}");
            }
            return 0;
        });
        return command;
    }
}
