namespace Sora.Inference.World.Rendering;

/// <summary>
/// Falling rain streaks and snow flakes over the image, from hashed screen cells moved by time, so
/// every frame is deterministic and the pattern flows from one frame to the next.
/// </summary>
internal sealed class WeatherOverlay(string weather, float time, int width)
{
    private readonly bool rain = weather == "rain";
    private readonly bool snow = weather == "snow";
    private readonly float scale = width / 854f;

    public bool Active => rain || snow;

    /// <summary>How strongly the precipitation covers pixel (x, y), in [0, 1].</summary>
    public float Coverage(int x, int y)
    {
        if (rain) return Rain(x, y);
        if (snow) return float.MaxNative(Flake(x, y, 34 * scale, 1.0f, 0.35f * scale, 60), Flake(x, y, 20 * scale, 0.6f, 0.2f * scale, 61));
        return 0;
    }

    private float Rain(int x, int y)
    {
        // Streaks lean a little with the wind: columns are measured along the slanted axis.
        var slanted = x + y * 0.18f;
        var spacing = 7 * scale;
        var column = (int)MathF.Floor(slanted / spacing);
        var h = Noise.Hash(column, 0, 70);
        if ((h & 3) != 0) return 0;
        var within = slanted - column * spacing;
        if (within > 1.2f * scale) return 0;
        var period = (180 + (h >> 8 & 127)) * scale;
        var length = (18 + (h >> 16 & 15)) * scale;
        var offset = (h >> 20) + time * 900 * scale;
        var phase = (y - offset) % period;
        if (phase < 0) phase += period;
        return phase < length ? 0.35f * (1 - phase / length) + 0.1f : 0;
    }

    private float Flake(int x, int y, float cell, float speed, float radiusScale, int seed)
    {
        var fall = time * 60 * speed * scale;
        var sway = MathF.Sin(time * 1.3f + seed) * 6 * scale;
        var fx = x - sway;
        var fy = y - fall;
        var cx = (int)MathF.Floor(fx / cell);
        var cy = (int)MathF.Floor(fy / cell);
        var h = Noise.Hash(cx, cy, seed);
        if ((h & 1) != 0) return 0;
        var radius = (2 + (h >> 4 & 3)) * radiusScale * 2;
        var centreX = (cx + 0.2f + 0.6f * ((h >> 8 & 255) / 255f)) * cell;
        var centreY = (cy + 0.2f + 0.6f * ((h >> 16 & 255) / 255f)) * cell;
        var dx = fx - centreX;
        var dy = fy - centreY;
        var d2 = (dx * dx + dy * dy) / (radius * radius);
        return d2 >= 1 ? 0 : 0.9f * (1 - d2);
    }
}
