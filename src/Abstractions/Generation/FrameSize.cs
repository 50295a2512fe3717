using System.Globalization;

namespace Sora.Abstractions.Generation;

/// <summary>Frame sizes as people write them: <c>WIDTHxHEIGHT</c>, e.g. <c>854x480</c>.</summary>
public static class FrameSize
{
    public static bool TryParse(string? text, out int width, out int height)
    {
        width = height = 0;
        var parts = (text ?? "").Split('x');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out width)
            && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out height);
    }
}
