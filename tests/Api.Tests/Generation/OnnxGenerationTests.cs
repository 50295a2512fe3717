using Sora.Api.Tests.Infrastructure;
using Sora.Api.Tests.Social;
using Sora.Inference.Onnx.Tests.Models;
using Sora.Media.Provenance;

namespace Sora.Api.Tests.Generation;

/// <summary>
/// createVideo(engine: ONNX) end to end on a server whose CPU slots run a tiny ONNX model the test writes
/// (--onnx-model FOLDER --onnx-cpu): the job completes and its file passes what <c>sora verify</c> checks.
/// </summary>
public sealed class OnnxGenerationTests : IAsyncLifetime
{
    private readonly string _models = Directory.CreateTempSubdirectory("sora-onnx-models-").FullName;
    private SoraTestServer? _server;

    private SoraTestServer Server => _server ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        var folder = new TinyVideoModel { Fps = 24 }.WriteTo(_models);
        _server = new SoraTestServer { Configure = options => options with { Gpus = 0, OnnxModelFolder = folder, OnnxOnCpu = true } };
        await _server.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        try { Directory.Delete(_models, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task An_onnx_video_completes_and_its_file_passes_sora_verify()
    {
        var ann = await People.SignUpAsync(Server, "ann");

        var created = await ann.Client.DataAsync("mutation($i: CreateVideoInput!) { createVideo(input: $i) { id engine } }",
            new { i = new { prompt = "a red ball on the beach", seconds = 1, size = "640x360", seed = 9, engine = "ONNX" } });
        var id = created.GetProperty("createVideo").GetProperty("id").GetString()!;
        Assert.Equal("ONNX", created.GetProperty("createVideo").GetProperty("engine").GetString());
        var generation = await ann.WaitAsync(id);

        Assert.True(generation.GetProperty("status").GetString() == "READY", generation.ToString());
        var url = generation.GetProperty("video").GetProperty("media").GetProperty("url").GetString()!;
        var file = Path.Combine(Server.DataDirectory, "onnx.mp4");
        await File.WriteAllBytesAsync(file, await (await ann.FetchAsync(Server, url)).Content.ReadAsByteArrayAsync());
        var report = await ProvenanceVerifier.VerifyAsync(file, CancellationToken.None);
        Assert.True(report.Verdict == ProvenanceVerdict.Authentic, string.Join("; ", report.Findings) + report.Error);
        Assert.Contains("tiny-test-model", File.ReadAllText(file, System.Text.Encoding.Latin1));
    }

    [Fact]
    public async Task A_frame_rate_the_model_does_not_make_fails_the_job_with_the_reason()
    {
        var ann = await People.SignUpAsync(Server, "ann");

        var created = await ann.Client.DataAsync("mutation($i: CreateVideoInput!) { createVideo(input: $i) { id } }",
            new { i = new { prompt = "a blue sea", seconds = 1, size = "640x360", fps = 30, engine = "ONNX" } });
        var generation = await ann.WaitAsync(created.GetProperty("createVideo").GetProperty("id").GetString()!);

        Assert.Equal("FAILED", generation.GetProperty("status").GetString());
        Assert.Equal("BAD_USER_INPUT", generation.GetProperty("failureCode").GetString());
        Assert.Contains("ask for fps 24", generation.GetProperty("failureMessage").GetString());
    }
}

/// <summary>A server without an ONNX model (and without GPUs) refuses ONNX jobs at once and says how to configure one.</summary>
public sealed class OnnxUnavailableTests : IAsyncLifetime
{
    private readonly SoraTestServer server = new() { Configure = options => options with { Gpus = 0 } };

    public Task InitializeAsync() => server.InitializeAsync();

    public Task DisposeAsync() => server.DisposeAsync();

    [Fact]
    public async Task Without_a_model_an_onnx_video_is_refused_with_how_to_configure_one()
    {
        var ann = await People.SignUpAsync(server, "ann");

        var error = await ann.Client.ErrorAsync("mutation($i: CreateVideoInput!) { createVideo(input: $i) { id } }",
            new { i = new { prompt = "a red ball", seconds = 1, size = "640x360", engine = "ONNX" } });

        Assert.Equal("ENGINE_UNAVAILABLE", error.Code);
        Assert.Contains("--onnx-model FOLDER", error.Message);
    }
}

/// <summary>A Sora whose only node offers no device (--cpu-slots 0, no GPU, as a node without ffmpeg does) refuses videos at once.</summary>
public sealed class NoDeviceTests : IAsyncLifetime
{
    private readonly SoraTestServer server = new() { Configure = options => options with { Gpus = 0, CpuSlots = 0 } };

    public Task InitializeAsync() => server.InitializeAsync();

    public Task DisposeAsync() => server.DisposeAsync();

    [Fact]
    public async Task Without_any_device_a_world_video_is_refused_instead_of_waiting_for_ever()
    {
        var ann = await People.SignUpAsync(server, "ann");

        var error = await ann.Client.ErrorAsync("mutation($i: CreateVideoInput!) { createVideo(input: $i) { id } }",
            new { i = new { prompt = "a red ball", seconds = 1, size = "640x360" } });

        Assert.Equal("ENGINE_UNAVAILABLE", error.Code);
        Assert.Contains("--cpu-slots 0", error.Message);
        var mine = await ann.Client.DataAsync("{ myGenerations { edges { node { id } } } }");
        Assert.Empty(mine.GetProperty("myGenerations").GetProperty("edges").EnumerateArray());
    }
}
