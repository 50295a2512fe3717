using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Sora.Inference.World.Rendering;

/// <summary>
/// <see cref="SurfaceShader"/> for eight neighbouring pixels at once, where they show what covers most of a frame:
/// the open ground, or the water surface over its silt bed. Lanes showing anything else (bodies, sky, glass, other
/// grounds) are left to the scalar shader; the light is the same model, evaluated in another order.
/// </summary>
internal sealed class SurfaceLaneShader
{
    public const int Lanes = 8;

    private readonly Atmosphere atmosphere;
    private readonly SkyBackdrop sky;
    private readonly ShadowMap shadows;
    private readonly StyleProfile style;
    private readonly EnvironmentKind environment;
    private readonly Vector3Lanes eye;
    private readonly bool ground;
    private readonly int waterItem;
    private readonly float direct;
    private readonly Vector3 ambient;
    private readonly Vector3 deep;

    /// <param name="waterItem">The item of the water surface (one past the last body).</param>
    /// <param name="wet">Rain on an outdoor ground: its glossy ground stays on the scalar path.</param>
    public SurfaceLaneShader(Atmosphere atmosphere, SkyBackdrop sky, EnvironmentKind environment, ShadowMap shadows, StyleProfile style,
        int waterItem, Vector3 eye, bool wet)
    {
        this.atmosphere = atmosphere;
        this.sky = sky;
        this.shadows = shadows;
        this.style = style;
        this.environment = environment;
        this.eye = new Vector3Lanes(eye);
        this.waterItem = waterItem;
        ground = GroundAlbedoLanes.Supports(environment) && !wet;
        // Ground and bed face straight up: the sun's angle to them, and the sky's share, are the same at every pixel.
        var wrap = style.Wrap;
        direct = (Vector3.Dot(Vector3.UnitY, atmosphere.SunDirection) + wrap) / (1 + wrap);
        var hemisphere = atmosphere.Indoor ? 0.85f + 0.15f : 0.55f + 0.45f;
        ambient = atmosphere.Ambient * hemisphere;
        deep = new Vector3(0.01f, 0.07f, 0.09f) * (atmosphere.SunColor * 0.5f + atmosphere.Ambient * 2);
    }

    /// <summary>
    /// Shades the pixels <paramref name="index"/> … +7 of <paramref name="buffers"/> that it can, seen along <paramref name="ray"/>.
    /// Returns a bit per lane shaded (bit 0 is <paramref name="index"/>); the other lanes' colours are left untouched.
    /// </summary>
    public int Shade(FrameBuffers buffers, int index, in Vector3Lanes ray)
    {
        var item = Vector256.LoadUnsafe(ref buffers.Item[index]);
        var clearItem = Vector256.LoadUnsafe(ref buffers.ClearItem[index]);
        var depth = Vector256.LoadUnsafe(ref buffers.Depth[index]);
        var clearDepth = Vector256.LoadUnsafe(ref buffers.ClearDepth[index]);
        var seenThroughClear = ~Vector256.Equals(clearItem, Vector256.Create(SceneItem.Sky)).AsSingle() & Vector256.LessThan(clearDepth, depth);
        var onGround = ground ? Vector256.Equals(item, Vector256.Create(SceneItem.Ground)).AsSingle() & ~seenThroughClear : Vector256<float>.Zero;
        var underWater = Vector256.Equals(item, Vector256.Create(SceneItem.Bed)).AsSingle()
            & Vector256.Equals(clearItem, Vector256.Create(waterItem)).AsSingle() & seenThroughClear;
        var onSky = sky.HasLanes ? Vector256.Equals(item, Vector256.Create(SceneItem.Sky)).AsSingle() & ~seenThroughClear : Vector256<float>.Zero;
        var shaded = (int)(onGround | underWater | onSky).ExtractMostSignificantBits();
        if (shaded == 0) return 0;

        var rayLength = Vector256.Sqrt(Vector3Lanes.Dot(ray, ray));
        var view = new Vector3Lanes(ray.X / rayLength, ray.Y / rayLength, ray.Z / rayLength);
        var anySurface = (onGround | underWater) != Vector256<float>.Zero;
        var result = anySurface ? Surface(buffers, index, ray, view, rayLength, depth, clearDepth, onGround, underWater) : default;
        var silhouettes = 0;
        if (onSky != Vector256<float>.Zero)
        {
            var color = sky.Color(view);
            result = anySurface ? Vector3Lanes.Select(onSky, color, result) : color;
            silhouettes = (int)(onSky & Vector256.LessThan(view.Y, Vector256.Create(sky.SilhouetteTop))).ExtractMostSignificantBits();
        }
        Store(buffers.Color, index, result, shaded, view, silhouettes);
        return shaded;
    }

    private Vector3Lanes Surface(FrameBuffers buffers, int index, in Vector3Lanes ray, in Vector3Lanes view, Vector256<float> rayLength,
        Vector256<float> depth, Vector256<float> clearDepth, Vector256<float> onGround, Vector256<float> underWater)
    {
        var p = eye + ray * depth;
        var distance = depth * rayLength;
        var detail = Vector256.Clamp(Vector256.Create(1.2f) - distance / 50, Vector256<float>.Zero, Vector256<float>.One);
        var anyGround = onGround != Vector256<float>.Zero;
        var anyWater = underWater != Vector256<float>.Zero;
        var albedo = anyGround ? GroundAlbedoLanes.Ground(environment, p, detail) : GroundAlbedoLanes.Bed(p, detail);
        if (anyGround && anyWater) albedo = Vector3Lanes.Select(underWater, GroundAlbedoLanes.Bed(p, detail), albedo);

        var color = albedo * Diffuse(p);
        if (!anyWater) return Fog(color, distance);
        var water = Water(buffers, index, view, ray, rayLength, clearDepth, color, (depth - clearDepth) * rayLength);
        return anyGround ? Vector3Lanes.Select(underWater, water, Fog(color, distance)) : water;
    }

    /// <summary>Writes the shaded lanes' colours, passing sky lanes low enough through the horizon's silhouettes one by one.</summary>
    private void Store(Vector3[] target, int index, in Vector3Lanes color, int shaded, in Vector3Lanes view, int silhouettes)
    {
        ref var red = ref Unsafe.As<Vector256<float>, float>(ref Unsafe.AsRef(in color.X));
        ref var green = ref Unsafe.As<Vector256<float>, float>(ref Unsafe.AsRef(in color.Y));
        ref var blue = ref Unsafe.As<Vector256<float>, float>(ref Unsafe.AsRef(in color.Z));
        ref var pixels = ref target[index];
        for (var lane = 0; lane < Lanes; lane++)
        {
            if ((shaded >> lane & 1) == 0) continue;
            var c = new Vector3(Unsafe.Add(ref red, lane), Unsafe.Add(ref green, lane), Unsafe.Add(ref blue, lane));
            if ((silhouettes >> lane & 1) != 0)
            {
                var d = new Vector3(Unsafe.Add(ref Unsafe.As<Vector256<float>, float>(ref Unsafe.AsRef(in view.X)), lane),
                    Unsafe.Add(ref Unsafe.As<Vector256<float>, float>(ref Unsafe.AsRef(in view.Y)), lane),
                    Unsafe.Add(ref Unsafe.As<Vector256<float>, float>(ref Unsafe.AsRef(in view.Z)), lane));
                c = sky.Silhouette(d, c);
            }
            Unsafe.Add(ref pixels, lane) = c;
        }
    }

    private Vector3Lanes Diffuse(in Vector3Lanes p)
    {
        var light = Vector256<float>.Zero;
        if (direct > 0) light = shadows.VisibilityFacingUp(p) * direct;
        if (style.CelBands > 0) light = Cel(light, style.CelBands);
        return Vector3Lanes.Scale(atmosphere.SunColor, light) + new Vector3Lanes(ambient);
    }

    private Vector3Lanes Water(FrameBuffers buffers, int index, in Vector3Lanes view, in Vector3Lanes ray, Vector256<float> rayLength, Vector256<float> clearDepth,
        in Vector3Lanes behind, Vector256<float> thickness)
    {
        var normal = Vector3Lanes.Normalize(Normals(buffers.ClearNormal, index));
        var facing = Vector256.GreaterThan(Vector3Lanes.Dot(normal, view), Vector256<float>.Zero);
        var n = Vector3Lanes.Select(facing, new Vector3Lanes(-normal.X, -normal.Y, -normal.Z), normal);
        // The absorption coefficients are 9, 3 and 2 tenths per metre: one exp and its powers give all three.
        var tenth = Vector256.Exp(thickness * -0.1f);
        var square = tenth * tenth;
        var cube = square * tenth;
        var absorb = new Vector3Lanes(cube * cube * cube, cube, square);
        var transmitted = behind * absorb + (new Vector3Lanes(Vector3.One) - absorb) * deep;
        var cosine = Vector3Lanes.Dot(n, view);
        var fresnel = Vector256.Create(0.02f) + Fifth(Vector256<float>.One - Vector256.MaxNative(-cosine, Vector256<float>.Zero)) * 0.98f;
        var reflected = sky.Reflection(view - n * (cosine + cosine));
        var color = Vector3Lanes.Lerp(transmitted, reflected, fresnel);

        var half = Vector3Lanes.Normalize(new Vector3Lanes(atmosphere.SunDirection) - view);
        var x = Vector256.MaxNative(Vector3Lanes.Dot(n, half), Vector256<float>.Zero);
        // x^300 below e^-9 is dropped, as the scalar Power does: most lanes skip the exp/log pair and the shadow lookup.
        var lit = Vector256.GreaterThan(x, Vector256<float>.Zero) & Vector256.LessThanOrEqual((Vector256<float>.One - x) * 300, Vector256.Create(9f));
        if (lit != Vector256<float>.Zero)
        {
            var highlight = Vector256.Exp(Vector256.Log(x) * 300) & lit;
            var surface = eye + ray * clearDepth;
            var spec = highlight * (4 * style.Specular) * shadows.VisibilityFacingUp(surface);
            color += Vector3Lanes.Scale(atmosphere.SunColor, spec);
        }
        return Fog(color, clearDepth * rayLength);
    }

    private Vector3Lanes Fog(in Vector3Lanes color, Vector256<float> distance)
    {
        if (atmosphere.FogDensity <= 0) return color;
        var amount = Vector256<float>.One - Vector256.Exp(distance * -atmosphere.FogDensity);
        return Vector3Lanes.Lerp(color, atmosphere.FogColor, amount);
    }

    private static Vector3Lanes Normals(Vector3[] normals, int index)
    {
        ref var n = ref normals[index];
        return new Vector3Lanes(
            Vector256.Create(n.X, Unsafe.Add(ref n, 1).X, Unsafe.Add(ref n, 2).X, Unsafe.Add(ref n, 3).X,
                Unsafe.Add(ref n, 4).X, Unsafe.Add(ref n, 5).X, Unsafe.Add(ref n, 6).X, Unsafe.Add(ref n, 7).X),
            Vector256.Create(n.Y, Unsafe.Add(ref n, 1).Y, Unsafe.Add(ref n, 2).Y, Unsafe.Add(ref n, 3).Y,
                Unsafe.Add(ref n, 4).Y, Unsafe.Add(ref n, 5).Y, Unsafe.Add(ref n, 6).Y, Unsafe.Add(ref n, 7).Y),
            Vector256.Create(n.Z, Unsafe.Add(ref n, 1).Z, Unsafe.Add(ref n, 2).Z, Unsafe.Add(ref n, 3).Z,
                Unsafe.Add(ref n, 4).Z, Unsafe.Add(ref n, 5).Z, Unsafe.Add(ref n, 6).Z, Unsafe.Add(ref n, 7).Z));
    }

    private static Vector256<float> Cel(Vector256<float> light, int bands)
    {
        var scaled = light * bands;
        var step = Vector256.Floor(scaled);
        var edge = Vector256.Clamp((scaled - step - Vector256.Create(0.92f)) * 12.5f, Vector256<float>.Zero, Vector256<float>.One);
        return Vector256.Min((step + edge) / bands + Vector256.Create(0.12f), Vector256<float>.One);
    }

    private static Vector256<float> Fifth(Vector256<float> x)
    {
        var squared = x * x;
        return squared * squared * x;
    }
}
