using System.Numerics;
using Sora.Inference.World.Scene;

namespace Sora.Inference.World.Rendering;

/// <summary>The light of a look: where the sun (or moon) is and its colour, the sky's colours, fog and cloud cover.</summary>
internal sealed record Atmosphere(
    Vector3 SunDirection,
    Vector3 SunColor,
    Vector3 SkyZenith,
    Vector3 SkyHorizon,
    Vector3 Ambient,
    Vector3 FogColor,
    float FogDensity,
    float CloudCover,
    bool Stars,
    bool Night,
    bool Indoor)
{
    public static Atmosphere For(SceneLook look)
    {
        var night = look.TimeOfDay == "night" || look.Environment == "city_night";
        var atmosphere = night ? NightSky() : look.TimeOfDay switch
        {
            "dawn" => Sky(Direction(0.6f, 9, -0.8f), new(1.5f, 0.9f, 0.58f), new(0.28f, 0.36f, 0.62f), new(1.0f, 0.68f, 0.52f), 0.0f),
            "sunset" => Sky(Direction(-0.55f, 6, -0.85f), new(1.9f, 0.8f, 0.33f), new(0.18f, 0.2f, 0.45f), new(1.1f, 0.55f, 0.28f), 0.0f),
            _ => Sky(Direction(0.45f, 52, 0.55f), new(2.1f, 2.0f, 1.85f), new(0.12f, 0.3f, 0.75f), new(0.55f, 0.68f, 0.85f), 0.0f),
        };
        atmosphere = look.Weather switch
        {
            "cloudy" => Overcast(atmosphere, 0.3f, 0.55f, 0.85f, 0.004f),
            "rain" => Overcast(atmosphere, 0.12f, 0.32f, 1f, 0.012f),
            "snow" => Overcast(atmosphere, 0.25f, 0.62f, 0.95f, 0.01f),
            "fog" => Overcast(atmosphere, 0.35f, 0.7f, 0.6f, 0.06f),
            _ => atmosphere with { CloudCover = 0.3f, FogDensity = 0.0015f },
        };
        return look.Environment switch
        {
            "space" => atmosphere with
            {
                SunDirection = Direction(0.6f, 30, 0.4f), SunColor = new(2.4f, 2.35f, 2.2f),
                SkyZenith = Vector3.Zero, SkyHorizon = new(0.004f, 0.004f, 0.008f), Ambient = new(0.03f, 0.03f, 0.04f),
                FogDensity = 0, CloudCover = 0, Stars = true,
            },
            "underwater" => atmosphere with
            {
                SunDirection = Direction(0.2f, 75, 0.3f), SunColor = atmosphere.SunColor * new Vector3(0.35f, 0.75f, 0.85f),
                SkyZenith = new(0.12f, 0.5f, 0.62f), SkyHorizon = new(0.02f, 0.16f, 0.26f), Ambient = new(0.05f, 0.2f, 0.28f),
                FogColor = new(0.02f, 0.16f, 0.26f), FogDensity = 0.1f, CloudCover = 0, Stars = false,
            },
            "kitchen" or "room" => atmosphere with
            {
                SunDirection = Direction(0.5f, 50, 0.6f),
                SunColor = night ? new(1.1f, 0.9f, 0.65f) : atmosphere.SunColor * 0.45f + new Vector3(0.45f, 0.42f, 0.35f),
                Ambient = night ? new(0.2f, 0.17f, 0.13f) : new(0.3f, 0.29f, 0.28f),
                FogDensity = 0, Indoor = true,
            },
            _ => atmosphere,
        };
    }

    private static Atmosphere Sky(Vector3 sun, Vector3 sunColor, Vector3 zenith, Vector3 horizon, float fog) =>
        new(sun, sunColor, zenith, horizon, (zenith * 0.6f + horizon * 0.4f) * 0.55f, horizon, fog, 0.3f, false, false, false);

    private static Atmosphere NightSky() => new(
        Direction(-0.3f, 38, 0.4f), new(0.13f, 0.17f, 0.28f), new(0.006f, 0.009f, 0.03f), new(0.025f, 0.032f, 0.06f),
        new(0.02f, 0.026f, 0.045f), new(0.02f, 0.027f, 0.05f), 0.002f, 0.2f, true, true, false);

    private static Atmosphere Overcast(Atmosphere clear, float sunScale, float grey, float cover, float fog)
    {
        var luminance = Vector3.Dot(clear.SkyHorizon, new Vector3(0.3f, 0.59f, 0.11f));
        var overcast = new Vector3(grey) * MathF.Max(luminance, 0.05f) / 0.75f;
        var horizon = Vector3.Lerp(clear.SkyHorizon, overcast, 0.8f);
        return clear with
        {
            SunColor = clear.SunColor * sunScale,
            SkyZenith = Vector3.Lerp(clear.SkyZenith, overcast * 0.85f, 0.8f),
            SkyHorizon = horizon,
            Ambient = Vector3.Lerp(clear.Ambient, horizon, 0.5f) * 0.9f,
            FogColor = horizon,
            FogDensity = fog,
            CloudCover = cover,
            Stars = false,
        };
    }

    private static Vector3 Direction(float x, float elevationDegrees, float z)
    {
        var horizontal = Vector3.Normalize(new Vector3(x, 0, z));
        var (sin, cos) = MathF.SinCos(elevationDegrees * MathF.PI / 180);
        return Vector3.Normalize(horizontal * cos + Vector3.UnitY * sin);
    }
}
