using System.Numerics;
using System.Runtime.Intrinsics;

namespace Sora.Inference.World.Rendering;

/// <summary>The sky for eight directions at once: gradient, sun and clouds, for the lane shader.</summary>
internal sealed partial class SkyBackdrop
{
    /// <summary>Whether <see cref="Color(in Vector3Lanes)"/> covers this sky: not at night (stars), in space or under water.</summary>
    public bool HasLanes => !atmosphere.Stars && environment is not (EnvironmentKind.Space or EnvironmentKind.Underwater);

    /// <summary>
    /// <see cref="Color(in Vector3)"/> of eight unit directions at once, for a sky that <see cref="HasLanes"/>, without the
    /// horizon's silhouettes: the caller passes directions below <see cref="SilhouetteTop"/> through <see cref="Silhouette"/>.
    /// </summary>
    public Vector3Lanes Color(in Vector3Lanes d)
    {
        var color = Gradient(d);
        var below = Vector256.LessThan(d.Y, Vector256<float>.Zero);
        if (below != Vector256<float>.Zero)
        {
            var ground = Vector3Lanes.Lerp(new Vector3Lanes(atmosphere.SkyHorizon), atmosphere.FogColor * 0.8f, Vector256.MinNative(-d.Y * 8, Vector256<float>.One));
            color = Vector3Lanes.Select(below, ground, color);
        }
        var sunCos = Vector3Lanes.Dot(d, atmosphere.SunDirection);
        color = Glow(color, sunCos);
        var disc = Vector256.GreaterThan(sunCos, Vector256.Create(0.9994f));
        if (disc != Vector256<float>.Zero)
        {
            var sun = atmosphere.Night
                ? new Vector3Lanes(new Vector3(1.2f, 1.25f, 1.35f))
                : color + new Vector3Lanes(atmosphere.SunColor * 6 * (1 - atmosphere.CloudCover * 0.85f));
            color = Vector3Lanes.Select(disc, sun, color);
        }
        return WithClouds(d, color);
    }

    /// <summary><see cref="Reflection(in Vector3)"/> of eight unit directions at once.</summary>
    public Vector3Lanes Reflection(in Vector3Lanes d) => WithClouds(d, Glow(Gradient(d), Vector3Lanes.Dot(d, atmosphere.SunDirection)));

    private Vector3Lanes Gradient(in Vector3Lanes d) =>
        Vector3Lanes.Lerp(atmosphere.SkyHorizon, atmosphere.SkyZenith, Vector256.Sqrt(Vector256.MaxNative(d.Y, Vector256<float>.Zero)));

    private Vector3Lanes Glow(in Vector3Lanes color, Vector256<float> sunCos)
    {
        var glow = sunCos * sunCos;
        glow *= glow; glow *= glow; glow *= glow;
        glow &= Vector256.GreaterThan(sunCos, Vector256<float>.Zero);
        return color + Vector3Lanes.Scale(atmosphere.SunColor, glow * (0.22f * (1 - atmosphere.CloudCover * 0.7f)));
    }

    private Vector3Lanes WithClouds(in Vector3Lanes d, in Vector3Lanes color)
    {
        var cloudy = Vector256.GreaterThan(d.Y, Vector256.Create(0.015f));
        if (atmosphere.CloudCover > 0 && cloudy != Vector256<float>.Zero)
            return Vector3Lanes.Select(cloudy, Clouds(d, color), color);
        return color;
    }

    private Vector3Lanes Clouds(in Vector3Lanes d, in Vector3Lanes color)
    {
        var scale = Vector256.Create(0.1f) / d.Y;
        var u = d.X * scale + Vector256.Create(time * 0.001f);
        var v = d.Z * scale;
        var density = NoiseTexture.Sample(u, v) * 0.75f
            + NoiseTexture.Sample(u * 3.1f + Vector256.Create(0.37f), v * 3.1f) * 0.25f;
        var threshold = 1 - atmosphere.CloudCover * 0.95f - 0.08f;
        var cover = Vector256.Clamp((density - Vector256.Create(threshold)) * 4.5f, Vector256<float>.Zero, Vector256<float>.One);
        cover *= Vector256.Clamp(d.Y * 12, Vector256<float>.Zero, Vector256<float>.One);
        var shade = Vector3Lanes.Scale(cloudColor, Vector256.Create(0.6f) + density * 0.7f);
        return Vector3Lanes.Lerp(color, shade, cover * 0.92f);
    }
}
