using Sora.Inference.World.Planning;
using Sora.Inference.World.Rendering;

namespace Sora.Inference.Tests.Rendering;

/// <summary>Writes one PNG per style (all twelve environments in a grid) for people to look at.</summary>
public sealed class ContactSheetTests
{
    private const int TileWidth = 284;
    private const int TileHeight = 160;
    private const int Columns = 4;

    [Theory]
    [MemberData(nameof(Styles))]
    public void A_contact_sheet_of_every_environment_is_written_per_style(string style)
    {
        var environments = Catalog.Environments;
        var rows = (environments.Count + Columns - 1) / Columns;
        var sheetWidth = TileWidth * Columns;
        var sheet = new byte[sheetWidth * TileHeight * rows * 3];
        var renderer = new RasterRenderer();
        for (var e = 0; e < environments.Count; e++)
        {
            var time = environments[e] == "beach" ? "sunset" : environments[e] == "snow" ? "dawn" : "day";
            var weather = environments[e] switch { "forest" => "rain", "snow" => "snow", "mountains" => "cloudy", "lake" => "fog", _ => "clear" };
            var look = ShowcaseScene.Look(environments[e], style, TileWidth, TileHeight, time, weather);
            var tile = RenderProbe.Render(look, ShowcaseScene.Frame(12, 0.5), renderer);
            var originX = e % Columns * TileWidth;
            var originY = e / Columns * TileHeight;
            for (var y = 0; y < TileHeight; y++)
                tile.AsSpan(y * TileWidth * 3, TileWidth * 3).CopyTo(sheet.AsSpan(((originY + y) * sheetWidth + originX) * 3));
        }
        var directory = Path.Combine(AppContext.BaseDirectory, "contact-sheets");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{style}.png");
        File.WriteAllBytes(path, PngEncoder.Encode(sheet, sheetWidth, TileHeight * rows));

        var written = File.ReadAllBytes(path);
        Assert.True(written.Length > 10_000, $"{path} is suspiciously small ({written.Length} bytes)");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, written[..4]);
    }

    public static TheoryData<string> Styles() => [.. Catalog.Styles];
}
