using System.Text.Json;
using Sora.Api.Tests.Infrastructure;
using Sora.Api.Tests.Social;
using Sora.Media.Encoding;

namespace Sora.Api.Tests.Generation;

/// <summary>createVideo → a live generation over graphql-ws → playable fragments → a signed draft video.</summary>
public sealed class GenerationStreamTests(SoraTestServer server) : IClassFixture<SoraTestServer>
{
    [Fact]
    public async Task A_subscriber_gets_ordered_playable_chunks_then_a_completed_video_that_sora_verify_accepts()
    {
        var ann = await People.SignUpAsync(server, "ann");
        var id = await ann.CreateAsync("a red ball bounces on the beach", seconds: 5, size: "854x480", seed: 42);

        var live = await NodeProbe.RunAsync(new
        {
            kind = "subscribe",
            url = server.WebSocketUrl,
            connectionParams = new { authorization = "Bearer " + ann.Token },
            query = $"subscription($id: ID!) {{ generation(id: $id) {{ {Generations.EventFields} }} }}",
            variables = new { id },
            take = 10_000,
            timeoutMs = 120_000,
        }, TimeSpan.FromSeconds(150));

        Assert.True(live.GetProperty("completed").GetBoolean(), live.ToString());
        var events = live.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("data").GetProperty("generation")).ToList();
        var kinds = events.Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal("QUEUED", kinds[0]);
        Assert.Equal("COMPLETED", kinds[^1]);
        Assert.True(kinds.IndexOf("STARTED") < kinds.IndexOf("CHUNK"), string.Join(",", kinds));
        var sequences = events.Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());

        var chunks = events.Where(e => e.GetProperty("kind").GetString() == "CHUNK").ToList();
        Assert.Equal(Enumerable.Range(0, chunks.Count), chunks.Select(c => c.GetProperty("chunkIndex").GetInt32()));
        Assert.Equal(120, chunks.Sum(c => c.GetProperty("frames").GetInt32()));
        var scratch = Directory.CreateTempSubdirectory("sora-chunks-").FullName;
        var init = await (await ann.FetchAsync(server, chunks[0].GetProperty("initSegmentUrl").GetString()!)).Content.ReadAsByteArrayAsync();
        foreach (var chunk in chunks)
        {
            var response = await ann.FetchAsync(server, chunk.GetProperty("previewUrl").GetString()!);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            var file = Path.Combine(scratch, $"{chunk.GetProperty("chunkIndex").GetInt32()}.mp4");
            await File.WriteAllBytesAsync(file, [.. init, .. await response.Content.ReadAsByteArrayAsync()]);
            Assert.Equal(chunk.GetProperty("frames").GetInt32(), await Ffmpeg.CountVideoFramesAsync(file));
        }

        var video = events[^1].GetProperty("video");
        Assert.Equal("DRAFT", video.GetProperty("status").GetString());
        var download = await ann.FetchAsync(server, video.GetProperty("media").GetProperty("url").GetString()!);
        var mp4 = Path.Combine(scratch, "video.mp4");
        await File.WriteAllBytesAsync(mp4, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(120, await Ffmpeg.CountVideoFramesAsync(mp4));
        Assert.Equal(0, await Sora.Silo.Cli.SoraCommandLine.RunAsync(["verify", mp4]));
        var poster = await ann.FetchAsync(server, video.GetProperty("media").GetProperty("posterUrl").GetString()!);
        Assert.Equal("image/jpeg", poster.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_late_subscriber_gets_the_history_and_the_stream_completes()
    {
        var ann = await People.SignUpAsync(server, "ann");
        var id = await ann.CreateAsync("a dog runs to the lake");
        await ann.WaitAsync(id);

        var late = await NodeProbe.RunAsync(new
        {
            kind = "subscribe",
            url = server.WebSocketUrl,
            connectionParams = new { authorization = "Bearer " + ann.Token },
            query = "subscription($id: ID!) { generation(id: $id) { kind chunkIndex frames } }",
            variables = new { id },
            take = 10_000,
        });

        Assert.True(late.GetProperty("completed").GetBoolean(), late.ToString());
        var kinds = late.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("data").GetProperty("generation").GetProperty("kind").GetString()).ToList();
        Assert.Equal(["QUEUED", "STARTED"], kinds[..2]);
        Assert.Equal("COMPLETED", kinds[^1]);
        Assert.All(kinds[2..^1], k => Assert.Equal("CHUNK", k));
        Assert.Equal(24, late.GetProperty("events").EnumerateArray().Sum(e => e.GetProperty("data").GetProperty("generation").GetProperty("frames") is { ValueKind: System.Text.Json.JsonValueKind.Number } f ? f.GetInt32() : 0));
    }

    [Fact]
    public async Task Cancelling_stops_the_job_and_removes_its_previews()
    {
        var ann = await People.SignUpAsync(server, "ann");
        var id = await ann.CreateAsync("a bus drives through the city at night", seconds: 20, size: "1280x720");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await ann.GetAsync(id)).GetProperty("progress").GetDouble() == 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.True((await ann.GetAsync(id)).GetProperty("progress").GetDouble() > 0, "no chunk within 60 s");

        var cancelled = await ann.Client.DataAsync("mutation($id: ID!) { cancelGeneration(id: $id) { status video { id } } }", new { id });

        Assert.Equal("CANCELLED", cancelled.GetProperty("cancelGeneration").GetProperty("status").GetString());
        var media = Path.Combine(server.DataDirectory, "media", "generations", id);
        deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (Directory.Exists(media) && Directory.EnumerateFiles(media, "*", SearchOption.AllDirectories).Any() && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        Assert.False(Directory.Exists(media) && Directory.EnumerateFiles(media, "*", SearchOption.AllDirectories).Any(), "previews left behind");
        var after = await ann.GetAsync(id);
        Assert.Equal("CANCELLED", after.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("video").ValueKind);
        // The one CPU slot is free again at once: the 20 s job at 720p would hold it for a minute or more.
        var next = await ann.WaitAsync(await ann.CreateAsync("a ball rolls"), TimeSpan.FromSeconds(30));
        Assert.Equal("READY", next.GetProperty("status").GetString());
    }
}
