using System.Text.Json;

namespace Sora.Api.Transport;

/// <summary>How GraphQL's JSON serializer refuses a request it cannot map, over either transport.</summary>
internal static class UnreadableInput
{
    /// <summary>
    /// JSON of the wrong kind for a member (JsonException, FormatException, InvalidOperationException), and numbers it has
    /// no .NET type for (NotImplementedException, OverflowException).
    /// </summary>
    public static bool Is(Exception error) =>
        error is JsonException or FormatException or InvalidOperationException or NotImplementedException or OverflowException;
}
