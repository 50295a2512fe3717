using Sora.Inference.World.Planning;

namespace Sora.Inference.World;

/// <summary>Reads a style name as users type it ("Pixel Art", "pixel-art") into the catalog's name.</summary>
public static class Styles
{
    public static string Normalize(string style)
    {
        var name = style.Trim().ToLowerInvariant().Replace('-', '_').Replace(' ', '_');
        if (!Catalog.Styles.Contains(name))
            throw new PlanValidationException("$.style", $"unknown style '{style}' (known: {string.Join(", ", Catalog.Styles)})");
        return name;
    }
}
