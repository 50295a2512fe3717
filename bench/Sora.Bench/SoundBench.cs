using System.CommandLine;
using System.Diagnostics;
using System.Numerics;
using Sora.Inference.World.Scene;
using Sora.Inference.World.Sound;
using Spectre.Console;

/// <summary><c>sora-bench sound</c>: how much faster than real time the World engine's sound renders a busy scene.</summary>
internal static class SoundBench
{
    public static Command Create()
    {
        var runs = new Option<int>("--runs") { Description = "Repetitions; the median is reported", DefaultValueFactory = _ => 5 };
        var seconds = new Option<double>("--seconds") { Description = "Length of the scene", DefaultValueFactory = _ => 5 };
        var command = new Command("sound", "Real-time factor of EventSoundSynthesizer: a beach scene with 50 events and ambience") { runs, seconds };
        command.SetAction(parsed =>
        {
            var n = Math.Max(1, parsed.GetValue(runs));
            var length = (int)(Math.Max(0.5, parsed.GetValue(seconds)) * AudioFormat.SampleRate);
            var events = Scene(length / (double)AudioFormat.SampleRate);
            var look = new SceneLook("beach", "day", "rain", "cinematic", 854, 480, 24);

            var table = new Table().AddColumns("case", "median wall (ms)", "real-time factor", "median CPU (ms)", "peak");
            foreach (var (name, chunk, withEvents) in new[] { ("chunks of 1/24 s, 50 events", 2000, true), ("one call, 50 events", length, true), ("ambience only, chunks", 2000, false) })
            {
                var times = new List<double>();
                var cpu = new List<double>();
                float peak = 0;
                for (var run = 0; run < n; run++)
                {
                    // A fresh synthesizer each run: nothing is cached between runs, espeak-ng included.
                    var synthesizer = new EventSoundSynthesizer();
                    var buffer = new float[length * 2];
                    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                    var clock = Stopwatch.StartNew();
                    for (var start = 0; start < length; start += chunk)
                    {
                        var count = Math.Min(chunk, length - start);
                        synthesizer.Render(look, withEvents ? events : [], Camera, start, count, 42, buffer.AsSpan(start * 2, count * 2));
                    }
                    times.Add(clock.Elapsed.TotalMilliseconds);
                    cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
                    peak = buffer.Max(Math.Abs);
                }
                times.Sort();
                cpu.Sort();
                var median = times[times.Count / 2];
                table.AddRow(name, median.ToString("F1"), (length * 1000.0 / AudioFormat.SampleRate / median).ToString("F1") + "×",
                    cpu[cpu.Count / 2].ToString("F1"), peak.ToString("F3"));
            }
            AnsiConsole.MarkupLine($"[bold]sound[/]: {length / (double)AudioFormat.SampleRate:F1} s at 48 kHz stereo, {events.Count} events, median of {n}, one core");
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine("CPU time is this process's (espeak-ng runs in its own); on a busy machine it is the steadier figure.");
            return 0;
        });
        return command;
    }

    private static CameraPose Camera(double t) => new(new Vector3((float)(t * 0.5), 1.6f, 6), new Vector3(0, 0.8f, 0), 50);

    /// <summary>50 events of every kind: impacts of mixed materials, footsteps, splashes, shatters, engines and a spoken line.</summary>
    private static List<SoundEvent> Scene(double seconds)
    {
        var random = new Random(5);
        string[] materials = ["glass", "wood", "metal", "rubber", "stone", "ceramic", "plastic", "cloth"];
        var events = new List<SoundEvent>
        {
            new EngineSound(0.2, new Vector3(-8, 0, -15), seconds * 0.7, "car", 100),
            new EngineSound(1.0, new Vector3(5, 8, -10), seconds * 0.5, "drone", 101),
            new SpeechSound(0.5, new Vector3(-1, 1.6f, 0), "Look, the ball is bouncing into the water!", "en", 102),
        };
        for (var i = 0; i < 30; i++)
            events.Add(new ImpactSound(random.NextDouble() * seconds, new Vector3(random.Next(-5, 5), 0, random.Next(-8, 2)),
                materials[random.Next(materials.Length)], materials[random.Next(materials.Length)], (float)(0.2 + random.NextDouble() * 10)));
        for (var i = 0; i < 12; i++)
            events.Add(new FootstepSound(0.3 + i * 0.35, new Vector3(-2 + i * 0.3f, 0, -1), i < 6 ? "sand" : "water", 70));
        for (var i = 0; i < 3; i++)
            events.Add(new SplashSound(1 + i * 1.2, new Vector3(3, 0, -6), 2 + i * 2, 5 + i * 10));
        events.Add(new ShatterSound(2.5, new Vector3(0, 1, -2), "glass", 4));
        events.Add(new ShatterSound(3.7, new Vector3(1, 1, -3), "ceramic", 2));
        return events.OrderBy(e => e.Time).ToList();
    }
}
