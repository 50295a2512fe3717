using System.Text.Json;
using Sora.Api.Tests.Infrastructure;
using Sora.Api.Tests.Social;

namespace Sora.Api.Tests.Generation;

/// <summary>The generation operations the tests repeat, through the public API.</summary>
internal static class Generations
{
    public const string EventFields = "kind sequence chunkIndex frames previewUrl initSegmentUrl fraction code message video { id status media { url posterUrl } }";

    public static async Task<string> CreateAsync(this Person person, string prompt, double seconds = 1, string size = "640x360", long seed = 1, string? remixOf = null,
        string? clientMutationId = null, bool sharePrompt = false)
    {
        var data = await person.Client.DataAsync(
            "mutation($i: CreateVideoInput!) { createVideo(input: $i) { id status } }",
            new { i = new { prompt, seconds, size, seed, remixOf, clientMutationId, sharePrompt } });
        return data.GetProperty("createVideo").GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement> GetAsync(this Person person, string id, string fields = "id status progress attempts failureCode failureMessage video { id status media { url posterUrl } }") =>
        (await person.Client.DataAsync($"query($id: ID!) {{ generation(id: $id) {{ {fields} }} }}", new { id })).GetProperty("generation");

    /// <summary>Polls until the generation has finished; returns its last state.</summary>
    public static async Task<JsonElement> WaitAsync(this Person person, string id, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            var generation = await person.GetAsync(id);
            if (generation.GetProperty("status").GetString() is "READY" or "FAILED" or "CANCELLED") return generation;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"generation {id} still {generation.GetProperty("status")}");
            await Task.Delay(200);
        }
    }

    /// <summary>A draft video made by the pipeline: a one-second clip at the smallest size.</summary>
    public static async Task<string> GenerateDraftAsync(this Person person, string prompt, string? remixOf = null) =>
        (await person.GenerateAsync(prompt, remixOf)).VideoId;

    /// <summary>Runs a generation of a one-second clip to its end; fails unless it made a video.</summary>
    public static async Task<(string Id, string VideoId)> GenerateAsync(this Person person, string prompt, string? remixOf = null)
    {
        var id = await person.CreateAsync(prompt, remixOf: remixOf);
        var generation = await person.WaitAsync(id);
        Assert.True(generation.GetProperty("status").GetString() == "READY", generation.ToString());
        return (id, generation.GetProperty("video").GetProperty("id").GetString()!);
    }

    public static async Task<HttpResponseMessage> FetchAsync(this Person? person, SoraTestServer server, string path)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, server.BaseUrl + path);
        if (person is not null) request.Headers.Authorization = new("Bearer", person.Token);
        return await http.SendAsync(request);
    }
}
