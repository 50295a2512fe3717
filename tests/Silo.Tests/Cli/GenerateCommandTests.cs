using System.Text.Json;
using System.Text.Json.Nodes;
using Sora.Silo.Tests.Infrastructure;

namespace Sora.Silo.Tests.Cli;

/// <summary>The <c>sora generate</c> surface: what a user sees for plans, traces and bad input. The engine's own physics, planning and style checks live in Inference.Tests.</summary>
public sealed class GenerateCommandTests : IDisposable
{
    private const string Prompt = "a red ball bounces on the floor of a kitchen";
    private readonly string directory = Path.Combine(Path.GetTempPath(), "sora-generate-tests", Guid.NewGuid().ToString("N")[..8]);

    public GenerateCommandTests() => Directory.CreateDirectory(directory);

    private string PathOf(string name) => Path.Combine(directory, name);

    [Theory]
    [InlineData("--size", "100x100", "--size 100x100 is not offered")]
    [InlineData("--seconds", "30", "--seconds 30 must be between 1 and 20")]
    [InlineData("--style", "baroque", "--style 'baroque' is unknown")]
    [InlineData("--fps", "60", "--fps 60 must be one of 24, 30")]
    public async Task A_bad_flag_gets_one_clear_line_and_exit_2(string flag, string value, string expected)
    {
        var (exit, output) = await SoraProcess.RunAsync("generate", "--prompt", Prompt, "--out", PathOf("x.mp4"), flag, value);

        Assert.Equal(2, exit);
        Assert.Contains(expected, output);
        Assert.DoesNotContain("   at ", output);
        Assert.False(File.Exists(PathOf("x.mp4")));
    }

    [Theory]
    [InlineData("--engine", "gpu", "--engine gpu is unknown")]
    [InlineData("--engine", "onnx", "--engine onnx needs --onnx-model FOLDER")]
    [InlineData("--onnx-model", "/nowhere", "--onnx-model is used with --engine onnx")]
    public async Task A_bad_engine_choice_gets_one_clear_line_and_exit_2(string flag, string value, string expected)
    {
        var (exit, output) = await SoraProcess.RunAsync("generate", "--prompt", Prompt, "--out", PathOf("x.mp4"), flag, value);

        Assert.Equal(2, exit);
        Assert.Contains(expected, output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task The_onnx_engine_makes_a_video_that_sora_verify_accepts()
    {
        var model = new Sora.Inference.Onnx.Tests.Models.TinyVideoModel().WriteTo(directory);
        var video = PathOf("onnx.mp4");

        var (exit, output) = await SoraProcess.RunAsync("generate", "--engine", "onnx", "--onnx-model", model, "--prompt", "a blue ball on the sea",
            "--seconds", "1", "--size", "640x360", "--out", video, "--data", PathOf("data"));

        Assert.True(exit == 0, output);
        Assert.Matches("on (the CPU|cuda:0)", output);
        var (verified, report) = await SoraProcess.RunAsync("verify", video);
        Assert.True(verified == 0, report);
    }

    [Fact]
    public async Task A_frame_rate_the_onnx_model_does_not_make_names_the_one_to_ask_for()
    {
        var model = new Sora.Inference.Onnx.Tests.Models.TinyVideoModel { Fps = 24 }.WriteTo(directory);

        var (exit, output) = await SoraProcess.RunAsync("generate", "--engine", "onnx", "--onnx-model", model, "--prompt", "a blue ball on the sea",
            "--seconds", "1", "--size", "640x360", "--fps", "30", "--out", PathOf("x.mp4"), "--data", PathOf("data"));

        Assert.Equal(2, exit);
        Assert.Contains("sora generate: --fps: the model tiny-test-model makes 24 fps video; ask for fps 24", output);
        Assert.DoesNotContain("   at ", output);
        Assert.False(File.Exists(PathOf("x.mp4")));
    }

    [Fact]
    public async Task An_empty_prompt_is_refused_with_exit_2()
    {
        var (exit, output) = await SoraProcess.RunAsync("generate", "--prompt", "  ", "--out", PathOf("x.mp4"));

        Assert.Equal(2, exit);
        Assert.Contains("--prompt is empty", output);
    }

    [Fact]
    public async Task Plan_out_alone_writes_only_the_plan_with_its_warnings()
    {
        var plan = PathOf("plan.json");
        var (exit, output) = await SoraProcess.RunAsync("generate", "--prompt", "a red ball bounces in the kitchen and the zorblax glows", "--plan-out", plan);

        Assert.True(exit == 0, output);
        var json = JsonNode.Parse(File.ReadAllText(plan))!;
        Assert.Equal(1, (int)json["version"]!);
        Assert.Equal("kitchen", (string)json["environment"]!["kind"]!);
        var warnings = json["warnings"]!.AsArray().Select(w => (string)w!).ToList();
        Assert.Contains(warnings, w => w.Contains("zorblax"));
        Assert.Contains("zorblax", output);
        Assert.Empty(Directory.GetFiles(directory, "*.mp4"));
    }

    [Fact]
    public async Task The_same_seed_plans_the_same_scene_and_another_prompt_does_not()
    {
        var (first, second, other) = (PathOf("a.json"), PathOf("b.json"), PathOf("c.json"));
        await SoraProcess.RunAsync("generate", "--prompt", Prompt, "--seed", "4", "--plan-out", first);
        await SoraProcess.RunAsync("generate", "--prompt", Prompt, "--seed", "4", "--plan-out", second);
        await SoraProcess.RunAsync("generate", "--prompt", "a dog runs to the lake and jumps in", "--seed", "4", "--plan-out", other);

        Assert.Equal(File.ReadAllText(first), File.ReadAllText(second));
        Assert.NotEqual(File.ReadAllText(first), File.ReadAllText(other));
    }

    [Fact]
    public async Task An_invalid_plan_names_the_bad_field_and_exits_2()
    {
        var plan = PathOf("plan.json");
        await SoraProcess.RunAsync("generate", "--prompt", Prompt, "--plan-out", plan);
        var json = JsonNode.Parse(File.ReadAllText(plan))!;
        json["entities"]![0]!["size"] = "enormous";
        File.WriteAllText(plan, json.ToJsonString());

        var (exit, output) = await SoraProcess.RunAsync("generate", "--plan", plan, "--out", PathOf("x.mp4"));

        Assert.Equal(2, exit);
        Assert.Contains("$.entities[0].size", output);
        Assert.DoesNotContain("   at ", output);
        Assert.False(File.Exists(PathOf("x.mp4")));
    }

    [Fact]
    public async Task A_generated_video_passes_sora_verify_and_its_trace_is_written()
    {
        var (video, trace) = (PathOf("ball.mp4"), PathOf("trace.json"));
        var (exit, output) = await SoraProcess.RunAsync("generate", "--prompt", "a red ball bounces on the beach", "--seconds", "2", "--size", "640x360", "--seed", "3",
            "--data", PathOf("data"), "--out", video, "--trace-out", trace);

        Assert.True(exit == 0, output);
        Assert.Contains("48 frames", output);
        var (verified, report) = await SoraProcess.RunAsync("verify", video, "--json");
        Assert.True(verified == 0, report);
        var c2pa = JsonDocument.Parse(report).RootElement.GetProperty("c2pa");
        Assert.Contains("c2pa.created", c2pa.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        var frames = JsonNode.Parse(File.ReadAllText(trace))!["frames"]!.AsArray();
        Assert.Equal(48, frames.Count);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_frames_and_another_seed_does_not()
    {
        async Task<string> FramesHashAsync(string seed, string name)
        {
            var file = PathOf(name);
            var (exit, output) = await SoraProcess.RunAsync("generate", "--prompt", "a dog runs to the lake and jumps in", "--seconds", "1",
                "--size", "640x360", "--seed", seed, "--data", PathOf("data"), "--out", file);
            Assert.True(exit == 0, output);
            var (_, _, frames) = await Sora.Media.Encoding.Ffmpeg.DecodeLumaAsync(file);
            return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(frames.SelectMany(f => f).ToArray()));
        }

        var first = await FramesHashAsync("4", "a.mp4");
        var again = await FramesHashAsync("4", "b.mp4");
        var other = await FramesHashAsync("5", "c.mp4");

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task An_edited_plan_renders_the_edit()
    {
        var plan = PathOf("plan.json");
        await SoraProcess.RunAsync("generate", "--prompt", "a red ball bounces on the beach", "--plan-out", plan);
        var json = JsonNode.Parse(File.ReadAllText(plan))!;
        Assert.NotEqual("noir", (string)json["style"]!);
        json["style"] = "noir";
        File.WriteAllText(plan, json.ToJsonString());

        var (exit, output) = await SoraProcess.RunAsync("generate", "--plan", plan, "--seconds", "1", "--size", "640x360", "--data", PathOf("data"), "--out", PathOf("noir.mp4"));

        Assert.True(exit == 0, output);
        // Noir is black and white: the edited plan's frames carry (almost) no colour.
        var rgb = await Sora.Media.Encoding.Ffmpeg.RunAsync(["-i", PathOf("noir.mp4"), "-vf", "select=eq(n\\,12)", "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"]);
        double chroma = 0;
        for (var i = 0; i < rgb.Length; i += 3) chroma += Math.Abs(rgb[i] - rgb[i + 1]) + Math.Abs(rgb[i + 1] - rgb[i + 2]);
        Assert.InRange(chroma / (rgb.Length / 3), 0, 6);
    }

    [Fact]
    public async Task Every_impact_in_the_trace_is_heard_within_a_frame()
    {
        var (video, trace) = (PathOf("bounce.mp4"), PathOf("bounce.json"));
        var (exit, output) = await SoraProcess.RunAsync("generate", "--prompt", "a red ball bounces on the floor of a room", "--seconds", "4", "--size", "640x360",
            "--seed", "2", "--data", PathOf("data"), "--out", video, "--trace-out", trace);
        Assert.True(exit == 0, output);

        var json = JsonNode.Parse(File.ReadAllText(trace))!;
        var fps = (int)json["fps"]!;
        var impacts = json["events"]!.AsArray().Where(e => (string)e!["kind"]! == "impact").Select(e => (double)e!["time"]!).ToList();
        Assert.NotEmpty(impacts);
        var audio = await Sora.Media.Encoding.Ffmpeg.DecodeAudioAsync(video, 48000, 1);
        const int window = 240; // 5 ms
        var energy = Enumerable.Range(0, audio.Length / window).Select(w => audio.AsSpan(w * window, window).ToArray().Sum(x => (double)x * x)).ToArray();
        foreach (var time in impacts)
        {
            // An onset: within ±1 frame of the impact, the sound is several times louder than just before that span.
            int Window(double t) => Math.Clamp((int)(t * 48000 / window), 0, energy.Length - 1);
            var (from, to) = (Window(time - 1.0 / fps), Window(time + 1.0 / fps));
            var before = energy[Window(time - 1.0 / fps - 0.05)..from].DefaultIfEmpty(0).Average();
            var peak = energy[from..(to + 1)].Max();
            Assert.True(peak > 4 * before + 1e-6, $"impact at {time:F3} s: peak {peak:G3} vs {before:G3} before");
        }
    }

    [Fact]
    public async Task The_contact_sheet_shows_every_style_side_by_side()
    {
        var sheet = PathOf("sheet.png");
        var (exit, output) = await SoraProcess.RunAsync("generate", "--prompt", "a red ball bounces on the beach", "--size", "640x360", "--contact-sheet", sheet);

        Assert.True(exit == 0, output);
        var png = File.ReadAllBytes(sheet);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        var width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16));
        var height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20));
        Assert.True(width * height >= 8 * 160 * 90, $"{width}x{height} is too small for 8 tiles");
        // Kept for people to look at: artifacts/contact-sheet.png in the checkout (not committed).
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Sora.sln"))) root = Path.GetDirectoryName(root)!;
        Directory.CreateDirectory(Path.Combine(root, "artifacts"));
        File.Copy(sheet, Path.Combine(root, "artifacts", "contact-sheet.png"), overwrite: true);
    }

    public void Dispose()
    {
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }
}
