namespace Sora.Media.Provenance;

/// <summary>A file that is not the media we expected (empty, truncated, not MP4, malformed C2PA); <see cref="Code"/> is stable for callers.</summary>
public sealed class MediaFormatException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
