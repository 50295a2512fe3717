using Microsoft.Net.Http.Headers;

namespace Sora.Api.Transport.Http;

/// <summary>Content negotiation of GraphQL over HTTP: the new media type unless the client asks only for the old one.</summary>
public static class ResponseMediaType
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <returns>The media type to answer with, or null when the client accepts neither (406).</returns>
    public static string? Negotiate(IList<string>? acceptHeaders)
    {
        if (acceptHeaders is null || acceptHeaders.Count == 0) return GraphQLResponse;
        if (!MediaTypeHeaderValue.TryParseList(acceptHeaders, out var accepted) || accepted.Count == 0) return GraphQLResponse;

        string? best = null;
        double bestQuality = 0;
        foreach (var range in accepted.OrderByDescending(a => a.Quality ?? 1))
        {
            var quality = range.Quality ?? 1;
            if (quality <= 0) continue;
            var type = range.MediaType.Value?.ToLowerInvariant();
            string? candidate = type switch
            {
                GraphQLResponse or "application/*" or "*/*" => GraphQLResponse,
                Json => Json,
                _ => null,
            };
            if (candidate is not null && quality > bestQuality)
            {
                best = candidate;
                bestQuality = quality;
            }
        }
        return best;
    }
}
