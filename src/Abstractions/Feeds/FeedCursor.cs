using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Sora.Abstractions.Errors;
using Sora.Abstractions.Videos;

namespace Sora.Abstractions.Feeds;

/// <summary>
/// Opaque Relay cursors. FOLLOWING (and a creator's videos) page by position — publication time and video
/// id — so merged sources page stably; FOR_YOU pages by offset into one ranking, named by its token.
/// </summary>
public static class FeedCursor
{
    public static string ForPosition(FeedPosition position) =>
        Encode($"p:{position.PublishedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{position.Video.Value}");

    public static string ForRanking(string token, int offset) =>
        Encode($"r:{token}:{offset.ToString(CultureInfo.InvariantCulture)}");

    public static FeedPosition? ParsePosition(string? cursor)
    {
        if (cursor is null) return null;
        var parts = Decode(cursor).Split(':');
        if (parts.Length == 3 && parts[0] == "p"
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks is >= 0 and <= 3155378975999999999
            && VideoId.TryParse(parts[2], out var video))
            return new FeedPosition(new DateTimeOffset(ticks, TimeSpan.Zero), video);
        throw Invalid();
    }

    public static (string Token, int Offset)? ParseRanking(string? cursor)
    {
        if (cursor is null) return null;
        var parts = Decode(cursor).Split(':');
        if (parts.Length == 3 && parts[0] == "r" && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            return (parts[1], offset);
        throw Invalid();
    }

    private static string Encode(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    private static string Decode(string cursor)
    {
        if (cursor.Length > 200) throw Invalid();
        try { return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)); }
        catch (FormatException) { throw Invalid(); }
    }

    private static DomainException Invalid() => DomainException.BadInput("after", "after is not a cursor of this list");
}
