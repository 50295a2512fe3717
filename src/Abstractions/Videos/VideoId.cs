namespace Sora.Abstractions.Videos;

/// <summary>The id of one video, also the key of its <see cref="IVideoGrain"/>.</summary>
[GenerateSerializer, Immutable, Alias("Sora.VideoId")]
public readonly record struct VideoId([property: Id(0)] string Value)
{
    public static VideoId New() => new("v_" + Guid.NewGuid().ToString("N"));

    /// <summary>Ids come from clients; anything not shaped like ours is simply not found.</summary>
    public static bool TryParse(string? text, out VideoId id)
    {
        id = default;
        if (text is null || text.Length != 34 || !text.StartsWith("v_", StringComparison.Ordinal)) return false;
        foreach (var c in text.AsSpan(2)) if (!char.IsAsciiHexDigit(c)) return false;
        id = new VideoId(text);
        return true;
    }

    public override string ToString() => Value;
}
