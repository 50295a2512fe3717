using Sora.Api.Tests.Infrastructure;
using Sora.Api.Tests.Social;

namespace Sora.Api.Tests.Generation;

/// <summary>A job that fails on the server tells its owner what failed, not the node's paths or ffmpeg's output.</summary>
public sealed class GenerationFailureTests : IAsyncLifetime
{
    private readonly SoraTestServer server = new();

    public Task InitializeAsync() => server.InitializeAsync();

    public Task DisposeAsync() => server.DisposeAsync();

    [Fact]
    public async Task A_job_whose_media_cannot_be_stored_fails_with_a_reason_that_names_no_server_path()
    {
        var ann = await People.SignUpAsync(server, "ann");
        // A file where the live fragments' folder goes: storing the first fragment fails (as a full or broken disk would).
        var media = Directory.CreateDirectory(Path.Combine(server.DataDirectory, "media")).FullName;
        await File.WriteAllTextAsync(Path.Combine(media, "generations"), "in the way");

        var generation = await ann.WaitAsync(await ann.CreateAsync("a red ball bounces"));

        Assert.Equal("FAILED", generation.GetProperty("status").GetString());
        Assert.Equal("GENERATION_FAILED", generation.GetProperty("failureCode").GetString());
        var message = generation.GetProperty("failureMessage").GetString()!;
        Assert.StartsWith("reading or writing the video's files failed on this node", message);
        Assert.DoesNotContain(server.DataDirectory, message);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, generation.GetProperty("video").ValueKind);
    }
}

/// <summary>A node without espeak-ng cannot speak a video's lines: the job fails saying so, without the operator's install hint.</summary>
public sealed class NoSpeechEngineTests : IAsyncLifetime
{
    private readonly SoraTestServer server = new() { Configure = options => options with { SpeechProgram = "/nonexistent/espeak-ng" } };

    public Task InitializeAsync() => server.InitializeAsync();

    public Task DisposeAsync() => server.DisposeAsync();

    [Fact]
    public async Task A_video_with_a_spoken_line_fails_with_a_reason_for_its_owner()
    {
        var ann = await People.SignUpAsync(server, "ann");

        var generation = await ann.WaitAsync(await ann.CreateAsync("a man waves and says \"hello there\"", seconds: 2));

        Assert.Equal("FAILED", generation.GetProperty("status").GetString());
        Assert.Equal("GENERATION_FAILED", generation.GetProperty("failureCode").GetString());
        var message = generation.GetProperty("failureMessage").GetString()!;
        Assert.StartsWith("speaking the video's lines failed: this node has no speech engine", message);
        Assert.DoesNotContain("/nonexistent", message);
        Assert.DoesNotContain("apt-get", message);
    }
}
