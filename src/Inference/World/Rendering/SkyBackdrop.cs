using System.Numerics;

namespace Sora.Inference.World.Rendering;

/// <summary>
/// Everything infinitely far away: sky gradient, sun, clouds, stars, and each environment's silhouettes
/// on the horizon (mountains, tree line, skyline with windows, dunes, a planet, light shafts under water).
/// </summary>
internal sealed partial class SkyBackdrop(EnvironmentKind environment, Atmosphere atmosphere, float time)
{
    private readonly HorizonProfile horizon = HorizonProfile.Instance;

    /// <summary>
    /// Directions above this height are never hidden by the horizon's silhouettes: an upper bound of the heights tested in
    /// <see cref="Silhouette"/>, so most of the sky skips its azimuth (an atan2) and table lookups.
    /// </summary>
    public float SilhouetteTop { get; } = SilhouetteBound(environment, HorizonProfile.Instance);
    private readonly Vector3 cloudColor = atmosphere.Night
        ? new Vector3(0.04f, 0.045f, 0.06f)
        : Vector3.Lerp(atmosphere.SunColor * 0.35f + atmosphere.SkyHorizon * 0.7f, atmosphere.SkyHorizon, atmosphere.CloudCover * 0.6f);

    /// <param name="d">A unit direction.</param>
    public Vector3 Color(in Vector3 d)
    {
        var up = float.MaxNative(d.Y, 0);
        var color = Vector3.Lerp(atmosphere.SkyHorizon, atmosphere.SkyZenith, MathF.Sqrt(up));
        if (d.Y < 0) color = Vector3.Lerp(atmosphere.SkyHorizon, atmosphere.FogColor * 0.8f, float.MinNative(-d.Y * 8, 1));

        var sunCos = Vector3.Dot(d, atmosphere.SunDirection);
        if (sunCos > 0)
        {
            var glow = sunCos * sunCos;
            glow *= glow; glow *= glow; glow *= glow;
            color += atmosphere.SunColor * (glow * 0.22f * (1 - atmosphere.CloudCover * 0.7f));
        }

        if (atmosphere.Stars && d.Y > -0.02f) color += Star(d);
        if (environment == EnvironmentKind.Space) color = Planet(d, color);
        else if (environment == EnvironmentKind.Underwater) color += LightShafts(d);

        if (sunCos > 0.9994f && environment != EnvironmentKind.Underwater)
            color = atmosphere.Night ? new Vector3(1.2f, 1.25f, 1.35f) : atmosphere.SunColor * 6 * (1 - atmosphere.CloudCover * 0.85f) + color;

        if (atmosphere.CloudCover > 0 && d.Y > 0.015f) color = Clouds(d, color);
        return Silhouette(d, color);
    }

    private Vector3 Clouds(in Vector3 d, in Vector3 color)
    {
        var scale = 0.1f / d.Y;
        var u = d.X * scale + time * 0.001f;
        var v = d.Z * scale;
        var density = NoiseTexture.Sample(u, v) * 0.75f + NoiseTexture.Sample(u * 3.1f + 0.37f, v * 3.1f) * 0.25f;
        var threshold = 1 - atmosphere.CloudCover * 0.95f - 0.08f;
        var cover = float.ClampNative((density - threshold) * 4.5f, 0, 1);
        // Thin the clouds towards the horizon, where they would be tiny and alias.
        cover *= float.ClampNative(d.Y * 12, 0, 1);
        var shade = cloudColor * (0.6f + 0.7f * density);
        return Vector3.Lerp(color, shade, cover * 0.92f);
    }

    /// <summary>The sky as a mirror sees it: gradient, sun glow and clouds, without the far silhouettes.</summary>
    public Vector3 Reflection(in Vector3 d)
    {
        var up = float.MaxNative(d.Y, 0);
        var color = Vector3.Lerp(atmosphere.SkyHorizon, atmosphere.SkyZenith, MathF.Sqrt(up));
        var sunCos = Vector3.Dot(d, atmosphere.SunDirection);
        if (sunCos > 0)
        {
            var glow = sunCos * sunCos;
            glow *= glow; glow *= glow; glow *= glow;
            color += atmosphere.SunColor * (glow * 0.22f * (1 - atmosphere.CloudCover * 0.7f));
        }
        if (atmosphere.CloudCover > 0 && d.Y > 0.015f) color = Clouds(d, color);
        return color;
    }

    private static Vector3 Star(in Vector3 d)
    {
        int x = (int)MathF.Floor(d.X * 320), y = (int)MathF.Floor(d.Y * 320), z = (int)MathF.Floor(d.Z * 320);
        var h = Noise.Hash(x + z * 7919, y, 5);
        if ((h & 0xFFFF) < 65440) return Vector3.Zero;
        var brightness = ((h >> 16) & 0xFF) / 255f;
        return new Vector3(0.7f + 0.3f * brightness, 0.75f, 0.8f + 0.2f * (1 - brightness)) * (0.4f + 2.2f * brightness * brightness);
    }

    private Vector3 Planet(in Vector3 d, in Vector3 color)
    {
        var center = Vector3.Normalize(new Vector3(0.3f, 0.3f, -1));
        const float radius = 0.22f;
        var offset = d - center * Vector3.Dot(d, center);
        var r = offset.Length() / radius;
        if (Vector3.Dot(d, center) < 0 || r >= 1) return color + new Vector3(0.05f, 0.1f, 0.2f) * float.MaxNative(0, 1 - (r - 1) * 6) * (r < 1.2f ? 1 : 0);
        var normal = Vector3.Normalize(offset / radius + center * MathF.Sqrt(1 - r * r));
        var bands = Noise.Fbm(normal.Y * 9, normal.X * 2, 3, 13);
        var albedo = Vector3.Lerp(new Vector3(0.2f, 0.35f, 0.6f), new Vector3(0.75f, 0.8f, 0.85f), bands);
        var light = float.MaxNative(0.02f, Vector3.Dot(normal, atmosphere.SunDirection));
        return albedo * light * 1.2f;
    }

    private Vector3 LightShafts(in Vector3 d)
    {
        var azimuth = MathF.Atan2(d.X, -d.Z);
        var rays = Noise.Value(azimuth * 9 + d.Y * 3, time * 0.3f, 29);
        rays *= rays; rays *= rays;
        return new Vector3(0.1f, 0.35f, 0.4f) * (rays * float.MaxNative(0, d.Y + 0.2f));
    }

    public Vector3 Silhouette(in Vector3 d, in Vector3 sky)
    {
        if (d.Y >= SilhouetteTop) return sky;
        switch (environment)
        {
            case EnvironmentKind.Mountains:
            case EnvironmentKind.Snow:
            case EnvironmentKind.Lake when d.Y < 0.2f:
            {
                var bin = HorizonProfile.Bin(MathF.Atan2(d.X, -d.Z));
                var tall = environment == EnvironmentKind.Mountains ? 1f : 0.55f;
                var far = horizon.FarRidge[bin] * 0.32f * tall + 0.03f;
                var near = horizon.NearRidge[bin] * 0.18f * tall;
                if (environment == EnvironmentKind.Lake) return Treeline(d, bin, sky, near * 0.5f + 0.01f, 0.55f);
                if (d.Y < near) return Mountain(d.Y, near, sky, 0.15f);
                if (d.Y < far) return Mountain(d.Y, far, sky, 0.45f);
                return sky;
            }
            case EnvironmentKind.Forest:
                return Treeline(d, HorizonProfile.Bin(MathF.Atan2(d.X, -d.Z)), sky, 0.03f, 0.15f);
            case EnvironmentKind.Desert:
            {
                var dune = horizon.Dunes[HorizonProfile.Bin(MathF.Atan2(d.X, -d.Z))];
                if (d.Y >= dune) return sky;
                var sand = new Vector3(0.8f, 0.55f, 0.3f) * (atmosphere.SunColor * 0.35f + atmosphere.Ambient);
                return Vector3.Lerp(sand, sky, 0.35f + 0.3f * (d.Y / dune));
            }
            case EnvironmentKind.Street:
            case EnvironmentKind.CityNight:
                return Skyline(d, sky);
            default:
                return sky;
        }
    }

    // Capped just above 0.35, the height above which no silhouette has ever been drawn.
    private static float SilhouetteBound(EnvironmentKind environment, HorizonProfile horizon) =>
        MathF.Min(MathF.BitIncrement(0.35f), UncappedBound(environment, horizon));

    private static float UncappedBound(EnvironmentKind environment, HorizonProfile horizon)
    {
        switch (environment)
        {
            case EnvironmentKind.Mountains:
            case EnvironmentKind.Snow:
            {
                var tall = environment == EnvironmentKind.Mountains ? 1f : 0.55f;
                return MathF.Max(horizon.MaxFarRidge * 0.32f * tall + 0.03f, horizon.MaxNearRidge * 0.18f * tall) * 1.001f;
            }
            case EnvironmentKind.Lake:
                return MathF.Min(0.2f, (horizon.MaxNearRidge * 0.18f * 0.55f * 0.5f + 0.01f + horizon.MaxTrees) * 1.001f);
            case EnvironmentKind.Forest:
                return (0.03f + horizon.MaxTrees) * 1.001f;
            case EnvironmentKind.Desert:
                return horizon.MaxDunes * 1.001f;
            case EnvironmentKind.Street:
            case EnvironmentKind.CityNight:
                return 0.2401f;
            default:
                return float.NegativeInfinity;
        }
    }

    private Vector3 Mountain(float y, float top, in Vector3 sky, float haze)
    {
        var rock = new Vector3(0.16f, 0.17f, 0.2f) * (atmosphere.SunColor * 0.3f + atmosphere.Ambient * 1.5f);
        var snowLine = top > 0.09f && y > top - 0.035f - top * 0.15f;
        var color = snowLine ? new Vector3(0.85f, 0.88f, 0.95f) * (atmosphere.SunColor * 0.3f + atmosphere.Ambient * 1.3f) : rock;
        return Vector3.Lerp(color, atmosphere.SkyHorizon, haze + (1 - haze) * 0.3f * (1 - y / top));
    }

    private Vector3 Treeline(in Vector3 d, int bin, in Vector3 sky, float baseHeight, float haze)
    {
        if (d.Y >= baseHeight + horizon.Trees[bin]) return sky;
        var leaves = new Vector3(0.04f, 0.09f, 0.04f) * (atmosphere.SunColor * 0.4f + atmosphere.Ambient * 1.6f);
        return Vector3.Lerp(leaves, atmosphere.SkyHorizon, haze);
    }

    private Vector3 Skyline(in Vector3 d, in Vector3 sky)
    {
        var azimuth = MathF.Atan2(d.X, -d.Z) + MathF.PI;
        var column = azimuth * 36;
        var building = (int)column;
        var h = Noise.Hash01(building, 0, 31);
        var height = 0.04f + 0.2f * h * h;
        if (d.Y >= height) return sky;
        var windowX = (column - building) * 7;
        var windowY = d.Y * 160;
        var inWindow = windowX - MathF.Floor(windowX) is > 0.3f and < 0.75f && windowY - MathF.Floor(windowY) is > 0.35f and < 0.8f
            && windowX > 0.9f && windowX < 6.1f;
        var facade = new Vector3(0.2f + 0.08f * h, 0.21f + 0.05f * h, 0.24f) * (atmosphere.SunColor * 0.25f + atmosphere.Ambient * 1.4f);
        if (!inWindow) return Vector3.Lerp(facade, atmosphere.SkyHorizon, 0.25f);
        if (atmosphere.Night)
        {
            var lit = Noise.Hash01(building * 8 + (int)windowX, (int)windowY, 37) > 0.45f;
            return lit ? new Vector3(1.4f, 1.0f, 0.5f) * (0.6f + 0.4f * h) : facade * 0.6f;
        }
        return Vector3.Lerp(facade * 0.7f, atmosphere.SkyZenith, 0.45f);
    }
}
