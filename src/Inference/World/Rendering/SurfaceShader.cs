using System.Numerics;
using Sora.Inference.World.Scene;

namespace Sora.Inference.World.Rendering;

/// <summary>
/// Lights one pixel: sun with shadow, sky ambient, specular and reflections by surface kind, glass and
/// water over what lies behind them (Fresnel, absorption), then fog. Styles enter as cel bands, wrap
/// lighting and clay bumps; geometry is never touched.
/// </summary>
internal sealed class SurfaceShader(
    Atmosphere atmosphere,
    SkyBackdrop sky,
    EnvironmentGround ground,
    ShadowMap shadows,
    StyleProfile style,
    IReadOnlyList<BodyPose> bodyList,
    Vector3 eye,
    bool wet)
{
    // An array, not the list interface: two lookups per pixel should not be interface calls.
    private readonly BodyPose[] bodies = bodyList as BodyPose[] ?? [.. bodyList];

    public Vector3 Shade(in Vector3 ray, int item, float depth, in Vector3 normal, int clearItem, float clearDepth, in Vector3 clearNormal)
    {
        var rayLength = ray.Length();
        var view = ray / rayLength;
        var seenThroughClear = clearItem != SceneItem.Sky && clearDepth < depth;
        Vector3 color;
        if (item == SceneItem.Sky) color = sky.Color(view);
        else
        {
            var p = eye + ray * depth;
            color = item >= bodies.Length ? Vector3.Zero : Opaque(view, p, item, depth * rayLength, Vector3.Normalize(normal));
            // Under water there is no air to fog: the water's own absorption takes its place.
            if (!seenThroughClear || clearItem < bodies.Length) color = Fog(color, depth * rayLength);
        }
        if (seenThroughClear)
        {
            var p = eye + ray * clearDepth;
            var n = Vector3.Normalize(clearNormal);
            var thickness = float.IsPositiveInfinity(depth) ? 50 : (depth - clearDepth) * rayLength;
            color = clearItem >= bodies.Length ? Water(view, p, n, color, thickness) : Glass(view, p, n, bodies[clearItem].Color, color);
            color = Fog(color, clearDepth * rayLength);
        }
        return color;
    }

    // Vectors come by reference: Vector3 arguments passed by value are split into 8 + 4 bytes and read back whole,
    // a store-forwarding stall on every pixel.
    private Vector3 Opaque(in Vector3 view, in Vector3 p, int item, float distance, in Vector3 normal)
    {
        var n = normal;
        Vector3 albedo;
        float gloss, exponent = 32, wrap = style.Wrap;
        var surface = SurfaceKind.Matte;
        if (item < 0)
        {
            albedo = ground.Albedo(item, p, distance, ref n, out gloss);
            if (item == SceneItem.Sea) return Water(view, p, n, new Vector3(0.01f, 0.06f, 0.08f) * atmosphere.Ambient * 4, 50);
            if (wet && item == SceneItem.Ground) { gloss = float.MaxNative(gloss, 0.6f); albedo *= 0.7f; exponent = 90; }
        }
        else
        {
            var body = bodies[item];
            albedo = body.Color;
            surface = body.Surface;
            (gloss, exponent, wrap) = surface switch
            {
                SurfaceKind.Glossy => (0.6f, 80f, wrap),
                SurfaceKind.Metal => (1f, 120f, wrap),
                SurfaceKind.Skin => (0.12f, 16f, float.MaxNative(wrap, 0.35f)),
                SurfaceKind.Fur => (0.03f, 8f, float.MaxNative(wrap, 0.3f)),
                SurfaceKind.Snow => (0.1f, 12f, float.MaxNative(wrap, 0.5f)),
                SurfaceKind.Foliage => (0.05f, 10f, float.MaxNative(wrap, 0.45f)),
                _ => (0.08f, 24f, wrap),
            };
            if (style.ClayBumps > 0) (albedo, n) = Clay(p, albedo, n);
            if (surface == SurfaceKind.Fur) albedo *= 0.85f + 0.3f * Noise.Value(p.X * 60 + p.Y * 35, p.Z * 60 - p.Y * 20, 40);
        }

        var light = atmosphere.SunDirection;
        var ndl = Vector3.Dot(n, light);
        var direct = (ndl + wrap) / (1 + wrap);
        var visibility = direct > 0 ? shadows.Visibility(p, n) : 0;
        direct = float.MaxNative(direct, 0) * visibility;
        if (style.CelBands > 0) direct = Cel(direct, style.CelBands);
        var hemisphere = atmosphere.Indoor ? 0.85f + 0.15f * n.Y : 0.55f + 0.45f * n.Y;
        var diffuse = atmosphere.SunColor * direct + atmosphere.Ambient * hemisphere;
        if (surface == SurfaceKind.Foliage) diffuse += atmosphere.SunColor * (float.MaxNative(-ndl, 0) * 0.25f);

        var color = surface == SurfaceKind.Emissive ? albedo * 2.5f + albedo * diffuse * 0.3f : albedo * diffuse;
        if (gloss <= 0) return color;

        var half = Vector3.Normalize(light - view);
        var spec = Power(float.MaxNative(Vector3.Dot(n, half), 0), exponent) * gloss * style.Specular * visibility;
        if (style.CelBands > 0) spec = spec > 0.3f ? 1 : 0;
        if (surface == SurfaceKind.Metal)
        {
            var reflected = sky.Reflection(Vector3.Reflect(view, n));
            return albedo * (diffuse * 0.25f + reflected * 0.8f) + atmosphere.SunColor * albedo * spec;
        }
        if (surface == SurfaceKind.Glossy || wet)
            color = Vector3.Lerp(color, sky.Reflection(Vector3.Reflect(view, n)), Schlick(-Vector3.Dot(n, view), 0.04f) * gloss);
        return color + atmosphere.SunColor * (spec * 0.5f);
    }

    private Vector3 Glass(in Vector3 view, in Vector3 p, in Vector3 n, in Vector3 tint, in Vector3 behind)
    {
        var cosine = MathF.Abs(Vector3.Dot(n, view));
        var fresnel = 0.05f + 0.9f * Fifth(1 - cosine);
        var transmitted = behind * Vector3.Lerp(Vector3.One, tint, 0.35f) * (0.85f - 0.35f * (1 - cosine) * (1 - cosine));
        var reflected = sky.Reflection(Vector3.Reflect(view, n));
        var half = Vector3.Normalize(atmosphere.SunDirection - view);
        var highlight = Power(float.MaxNative(Vector3.Dot(n, half), 0), 200);
        var spec = highlight > 0 ? highlight * shadows.Visibility(p, n) * style.Specular : 0;
        return Vector3.Lerp(transmitted, reflected, fresnel) + atmosphere.SunColor * spec;
    }

    private Vector3 Water(in Vector3 view, in Vector3 p, in Vector3 normal, in Vector3 behind, float thickness)
    {
        var n = Vector3.Dot(normal, view) > 0 ? -normal : normal;
        // The absorption coefficients are 9, 3 and 2 tenths per metre: one exp and its powers give all three.
        var tenth = MathF.Exp(-thickness * 0.1f);
        var square = tenth * tenth;
        var cube = square * tenth;
        var absorb = new Vector3(cube * cube * cube, cube, square);
        var deep = new Vector3(0.01f, 0.07f, 0.09f) * (atmosphere.SunColor * 0.5f + atmosphere.Ambient * 2);
        var transmitted = behind * absorb + deep * (Vector3.One - absorb);
        var fresnel = 0.02f + 0.98f * Fifth(1 - float.MaxNative(-Vector3.Dot(n, view), 0));
        var reflected = sky.Reflection(Vector3.Reflect(view, n));
        var half = Vector3.Normalize(atmosphere.SunDirection - view);
        var highlight = Power(float.MaxNative(Vector3.Dot(n, half), 0), 300);
        var spec = highlight > 0 ? highlight * 4 * style.Specular * shadows.Visibility(p, Vector3.UnitY) : 0;
        return Vector3.Lerp(transmitted, reflected, fresnel) + atmosphere.SunColor * spec;
    }

    private Vector3 Fog(Vector3 color, float distance)
    {
        if (atmosphere.FogDensity <= 0) return color;
        var amount = 1 - MathF.Exp(-atmosphere.FogDensity * distance);
        return Vector3.Lerp(color, atmosphere.FogColor, amount);
    }

    private (Vector3 Albedo, Vector3 Normal) Clay(Vector3 p, Vector3 albedo, Vector3 n)
    {
        var a = Noise.Value(p.X * 18 + p.Y * 7, p.Z * 18 - p.Y * 5, 50) - 0.5f;
        var b = Noise.Value(p.Z * 18 + p.Y * 9, p.X * 18 + p.Y * 3, 51) - 0.5f;
        var bumped = Vector3.Normalize(n + new Vector3(a, b, a - b) * style.ClayBumps * 3);
        return (albedo * (1 + a * style.ClayBumps * 2), bumped);
    }

    private static float Cel(float light, int bands)
    {
        var scaled = light * bands;
        var step = MathF.Floor(scaled);
        var edge = float.ClampNative((scaled - step - 0.92f) * 12.5f, 0, 1);
        return float.MinNative((step + edge) / bands + 0.12f, 1);
    }

    private static float Schlick(float cosine, float f0) => f0 + (1 - f0) * Fifth(1 - float.ClampNative(cosine, 0, 1));

    private static float Fifth(float x)
    {
        var squared = x * x;
        return squared * squared * x;
    }

    /// <summary>
    /// x^exponent for x in [0, 1]. Since x^n ≤ e^(−n(1−x)), anything with n(1−x) above 9 is below 1.3·10⁻⁴ and is
    /// returned as 0 without the exp/log pair: most pixels of a highlight's lobe never reach the transcendental path.
    /// </summary>
    private static float Power(float x, float exponent) =>
        x <= 0 || exponent * (1 - x) > 9 ? 0 : MathF.Exp(exponent * MathF.Log(x));
}
