using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Sora.Abstractions.Errors;
using Sora.Abstractions.Users;
using Sora.Abstractions.Videos;
using Sora.Api.Tests.Infrastructure;

namespace Sora.Api.Tests.Social;

/// <summary>Someone signed up through the API, with their own client.</summary>
/// <param name="Grains">The server's grains: the test-only seam for making drafts (see <see cref="People.DraftAsync"/>).</param>
public sealed record Person(string Handle, string Id, string Token, GraphQLClient Client, IGrainFactory Grains);

/// <summary>The GraphQL operations the social stories repeat.</summary>
internal static class People
{
    public const string Password = "correct horse battery";
    private static int _counter;

    public static string NewHandle(string name) => $"{name}{Interlocked.Increment(ref _counter)}_{Guid.NewGuid().ToString("N")[..6]}";

    public static async Task<Person> SignUpAsync(SoraTestServer server, string name)
    {
        var handle = NewHandle(name);
        var anonymous = new GraphQLClient(server.GraphQLUrl);
        var data = await anonymous.DataAsync(
            "mutation($h: String!, $p: String!, $d: String!) { signUp(handle: $h, password: $p, displayName: $d) { token user { id handle } } }",
            new { h = handle, p = Password, d = name });
        var token = data.GetProperty("signUp").GetProperty("token").GetString()!;
        var id = data.GetProperty("signUp").GetProperty("user").GetProperty("id").GetString()!;
        return new Person(handle, id, token, anonymous.As(token), server.Services.GetRequiredService<IGrainFactory>());
    }

    public static async Task FollowAsync(this Person person, Person target) =>
        await person.Client.DataAsync("mutation($h: String!) { follow(handle: $h) { handle } }", new { h = target.Handle });

    /// <summary>
    /// Test-only seam: makes a draft straight through the VideoGrain, as the generation pipeline does, so these
    /// tests do not depend on the <c>createVideo</c> mutation (whose contract is tested in CreateVideoContractTests).
    /// </summary>
    public static async Task<string> DraftAsync(this Person person, string prompt = "a glass falls off a table", string? remixOf = null)
    {
        var id = VideoId.New();
        VideoId? parent = remixOf is null ? null : new VideoId(remixOf);
        await person.Grains.GetGrain<IVideoGrain>(id.Value).CreateDraftAsync(new DraftSpec(new UserId(person.Id), prompt, RemixOf: parent));
        return id.Value;
    }

    /// <summary>Why the seam refused a draft: the domain error's code and message (fails when it was made).</summary>
    public static async Task<(string Code, string Message)> DraftRefusalAsync(this Person person, string prompt, string remixOf)
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => person.DraftAsync(prompt, remixOf));
        return (refusal.Code, refusal.Message);
    }

    public static async Task<string> PublishAsync(this Person person, string prompt = "a ball bounces down the stairs", string? remixOf = null, string caption = "watch this")
    {
        var id = await person.DraftAsync(prompt, remixOf);
        await person.Client.DataAsync("mutation($id: ID!, $c: String) { publishVideo(id: $id, caption: $c) { status } }", new { id, c = caption });
        return id;
    }

    public static async Task<List<string>> FeedAsync(this Person person, string kind, int first = 50)
    {
        var data = await person.Client.DataAsync(
            "query($k: FeedKind!, $f: Int) { feed(kind: $k, first: $f) { edges { node { id } } } }", new { k = kind, f = first });
        return [.. data.GetProperty("feed").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()!)];
    }

    public static async Task<JsonElement> VideoAsync(this Person person, string id, string fields = "id status likeCount commentCount") =>
        (await person.Client.DataAsync($"query($id: ID!) {{ video(id: $id) {{ {fields} }} }}", new { id })).GetProperty("video");
}
