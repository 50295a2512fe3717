namespace Sora.Abstractions.Media;

/// <summary>The one place that names stored media, and the URLs the API serves them under.</summary>
public static class MediaKeys
{
    public const string UrlPrefix = "/media/";

    /// <summary>Everything one attempt of one generation wrote (preview segments).</summary>
    public static string GenerationAttempt(Guid generation, int attempt) => $"generations/{generation:N}/{attempt}/";

    public static string GenerationPrefix(Guid generation) => $"generations/{generation:N}/";

    public static string InitSegment(Guid generation, int attempt) => GenerationAttempt(generation, attempt) + "init.mp4";

    public static string Fragment(Guid generation, int attempt, int index) => GenerationAttempt(generation, attempt) + $"{index:D4}.m4s";

    public static string Video(string videoId) => $"videos/{videoId}.mp4";

    public static string Poster(string videoId) => $"videos/{videoId}.jpg";

    public static string Plan(string videoId) => $"plans/{videoId}.json";

    public static string UrlOf(string key) => UrlPrefix + key;

    /// <summary>True for keys this platform makes: no traversal, no absolute paths, nothing but the safe characters.</summary>
    public static bool IsValid(string key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 200 || key[0] == '/' || key.Contains("..", StringComparison.Ordinal)) return false;
        foreach (var c in key)
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '.' or '-' or '/')) return false;
        return true;
    }
}
