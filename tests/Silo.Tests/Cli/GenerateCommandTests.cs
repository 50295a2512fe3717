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
    public async Task A_generated_video_is_signed_and_its_trace_is_written()
    {
        var (video, trace) = (PathOf("ball.mp4"), PathOf("trace.json"));
        var (exit, output) = await SoraProcess.RunAsync("generate", "--prompt", Prompt, "--seconds", "2", "--size", "640x360", "--seed", "3",
            "--data", PathOf("data"), "--out", video, "--trace-out", trace);

        Assert.True(exit == 0, output);
        Assert.Contains("48 frames", output);
        var (_, report) = await SoraProcess.RunAsync("verify", video, "--json");
        var c2pa = JsonDocument.Parse(report).RootElement.GetProperty("c2pa");
        Assert.True(c2pa.GetProperty("valid").GetBoolean(), report);
        Assert.Contains("c2pa.created", c2pa.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        var frames = JsonNode.Parse(File.ReadAllText(trace))!["frames"]!.AsArray();
        Assert.Equal(48, frames.Count);
    }

    public void Dispose()
    {
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }
}
