using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Sora.Api.Tests.Infrastructure;

/// <summary>A plain .NET HttpClient speaking GraphQL over HTTP to a running Sora, as one person.</summary>
public sealed class GraphQLClient(string url, string? token = null)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    public string? Token { get; } = token;

    public GraphQLClient As(string? token) => new(url, token);

    /// <summary>The whole response body (data and errors).</summary>
    public async Task<JsonElement> SendAsync(string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (Token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The data of a request that must succeed.</summary>
    public async Task<JsonElement> DataAsync(string query, object? variables = null)
    {
        var response = await SendAsync(query, variables);
        Assert.False(response.TryGetProperty("errors", out var errors), $"unexpected errors: {errors}");
        return response.GetProperty("data");
    }

    /// <summary>The first error of a request that must fail: its code and field.</summary>
    public async Task<(string? Code, string? Field, string Message)> ErrorAsync(string query, object? variables = null)
    {
        var response = await SendAsync(query, variables);
        Assert.True(response.TryGetProperty("errors", out var errors), $"expected an error, got {response}");
        var error = errors[0];
        var extensions = error.TryGetProperty("extensions", out var e) ? e : default;
        string? Read(string name) => extensions.ValueKind == JsonValueKind.Object && extensions.TryGetProperty(name, out var v) ? v.GetString() : null;
        return (Read("code"), Read("field"), error.GetProperty("message").GetString()!);
    }
}
