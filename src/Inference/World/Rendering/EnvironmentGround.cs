using System.Numerics;
using System.Runtime.Intrinsics;
using Sora.Inference.World.Scene;

namespace Sora.Inference.World.Rendering;

/// <summary>
/// The environment's near surroundings, traced per pixel instead of rasterised: the ground plane (sand,
/// grass, asphalt, tiles, planks, dunes, snow, regolith), the open sea beyond a beach, a silt basin under the
/// water surface, and the walls and ceiling of a kitchen or room.
/// </summary>
internal sealed class EnvironmentGround
{
    private const float FarDistance = 1500;
    private const float BasinDepth = 1.2f;
    private const float BeachWaterline = -4;

    private readonly EnvironmentKind environment;
    private readonly WaterSurface? water;
    private readonly float time;
    private readonly bool indoor;
    private readonly float roomHalfX, roomHalfZ, roomHeight;

    public EnvironmentGround(EnvironmentKind environment, Vector3 eye, WaterSurface? water, float time)
    {
        this.environment = environment;
        this.water = water;
        this.time = time;
        indoor = environment is EnvironmentKind.Kitchen or EnvironmentKind.Room;
        // The room grows around a camera that would otherwise stand outside it.
        roomHalfX = float.MaxNative(6, MathF.Abs(eye.X) + 1.5f);
        roomHalfZ = float.MaxNative(6, MathF.Abs(eye.Z) + 1.5f);
        roomHeight = float.MaxNative(3.2f, eye.Y + 0.8f);
    }

    /// <summary>Traces one pixel's ray; returns the item hit and its view depth (ray has unit forward component).</summary>
    public int Hit(in Vector3 eye, in Vector3 ray, out float depth, out Vector3 normal)
    {
        depth = float.PositiveInfinity;
        normal = Vector3.UnitY;
        if (indoor) return HitRoom(eye, ray, out depth, out normal);
        if (ray.Y >= -1e-6f || eye.Y <= 0) return SceneItem.Sky;
        var t = eye.Y / -ray.Y;
        if (t * ray.Length() > FarDistance) return SceneItem.Sky;
        var x = eye.X + ray.X * t;
        var z = eye.Z + ray.Z * t;
        if (water is not null && x >= water.MinX && x <= water.MaxX && z >= water.MinZ && z <= water.MaxZ)
        {
            depth = (eye.Y + BasinDepth) / -ray.Y;
            return SceneItem.Bed;
        }
        depth = t;
        return environment == EnvironmentKind.Beach && z < BeachWaterline ? SceneItem.Sea : SceneItem.Ground;
    }

    /// <summary>
    /// <see cref="Hit"/> for eight rays outdoors, where every hit faces straight up; false indoors, where the caller traces one by one.
    /// </summary>
    public bool HitLanes(in Vector3 eye, in Vector3Lanes ray, out Vector256<int> item, out Vector256<float> depth)
    {
        item = default;
        depth = default;
        if (indoor) return false;
        var down = -ray.Y;
        var t = Vector256.Create(eye.Y) / down;
        var length = Vector256.Sqrt(Vector3Lanes.Dot(ray, ray));
        var hit = Vector256.GreaterThan(down, Vector256.Create(1e-6f)) & Vector256.LessThanOrEqual(t * length, Vector256.Create(FarDistance));
        if (eye.Y <= 0) hit = Vector256<float>.Zero;
        var x = Vector256.Create(eye.X) + ray.X * t;
        var z = Vector256.Create(eye.Z) + ray.Z * t;
        var surface = environment == EnvironmentKind.Beach
            ? Vector256.ConditionalSelect(Vector256.LessThan(z, Vector256.Create(BeachWaterline)).AsInt32(), Vector256.Create(SceneItem.Sea), Vector256.Create(SceneItem.Ground))
            : Vector256.Create(SceneItem.Ground);
        depth = t;
        if (water is not null)
        {
            var basin = Vector256.GreaterThanOrEqual(x, Vector256.Create(water.MinX)) & Vector256.LessThanOrEqual(x, Vector256.Create(water.MaxX))
                & Vector256.GreaterThanOrEqual(z, Vector256.Create(water.MinZ)) & Vector256.LessThanOrEqual(z, Vector256.Create(water.MaxZ));
            surface = Vector256.ConditionalSelect(basin.AsInt32(), Vector256.Create(SceneItem.Bed), surface);
            depth = Vector256.ConditionalSelect(basin, Vector256.Create(eye.Y + BasinDepth) / down, depth);
        }
        item = Vector256.ConditionalSelect(hit.AsInt32(), surface, Vector256.Create(SceneItem.Sky));
        depth = Vector256.ConditionalSelect(hit, depth, Vector256.Create(float.PositiveInfinity));
        return true;
    }

    private int HitRoom(in Vector3 eye, in Vector3 ray, out float depth, out Vector3 normal)
    {
        depth = float.PositiveInfinity;
        normal = Vector3.UnitY;
        var item = SceneItem.Sky;
        void Plane(float t, Vector3 n, int what, ref float best, ref Vector3 bestNormal, ref int bestItem)
        {
            if (t > 0 && t < best) { best = t; bestNormal = n; bestItem = what; }
        }
        if (ray.Y < 0 && eye.Y > 0) Plane(eye.Y / -ray.Y, Vector3.UnitY, SceneItem.Ground, ref depth, ref normal, ref item);
        if (ray.Y > 0) Plane((roomHeight - eye.Y) / ray.Y, -Vector3.UnitY, SceneItem.Wall, ref depth, ref normal, ref item);
        if (ray.X > 0) Plane((roomHalfX - eye.X) / ray.X, -Vector3.UnitX, SceneItem.Wall, ref depth, ref normal, ref item);
        if (ray.X < 0) Plane((-roomHalfX - eye.X) / ray.X, Vector3.UnitX, SceneItem.Wall, ref depth, ref normal, ref item);
        if (ray.Z > 0) Plane((roomHalfZ - eye.Z) / ray.Z, -Vector3.UnitZ, SceneItem.Wall, ref depth, ref normal, ref item);
        if (ray.Z < 0) Plane((-roomHalfZ - eye.Z) / ray.Z, Vector3.UnitZ, SceneItem.Wall, ref depth, ref normal, ref item);
        if (item == SceneItem.Wall && normal.Z > 0.5f)
        {
            var p = eye + ray * depth;
            if (MathF.Abs(p.X) < 1.6f && p.Y > 1.0f && p.Y < 2.4f && MathF.Abs(p.X) > 0.04f && MathF.Abs(p.Y - 1.7f) > 0.04f)
            {
                depth = float.PositiveInfinity;
                return SceneItem.Sky;
            }
        }
        return item;
    }

    /// <summary>The surface colour at a world point, with detail faded by distance; may bend the normal (dunes, waves, tiles).</summary>
    public Vector3 Albedo(int item, in Vector3 p, float distance, ref Vector3 normal, out float gloss)
    {
        gloss = 0;
        var detail = float.ClampNative(1.2f - distance / 50, 0, 1);
        if (item == SceneItem.Sea) return Sea(p, detail, ref normal, out gloss);
        if (item == SceneItem.Wall) return Wall(p, normal, detail);
        if (item == SceneItem.Bed) return Bed(p, detail);
        switch (environment)
        {
            case EnvironmentKind.Beach:
            {
                var grain = Noise.Value(p.X * 6, p.Z * 6, 1) * detail;
                var sand = new Vector3(0.72f, 0.6f, 0.42f) * (0.9f + 0.15f * grain);
                var wet = float.ClampNative((p.Z - BeachWaterline) / 2.5f, 0, 1);
                gloss = (1 - wet) * 0.3f;
                return Vector3.Lerp(sand * 0.6f, sand, wet);
            }
            case EnvironmentKind.Lake:
            case EnvironmentKind.Forest:
                return Grass(p, detail);
            case EnvironmentKind.Mountains:
            {
                // Alpine ground: scree and rock break through thin, yellowish grass.
                var rockiness = NoiseTexture.Sample(p.X * 0.05f + 0.3f, p.Z * 0.05f);
                var rock = new Vector3(0.42f, 0.4f, 0.38f) * (0.8f + 0.4f * NoiseTexture.Sample(p.X * 0.5f, p.Z * 0.5f + 0.2f));
                var grass = Grass(p, detail) * new Vector3(1.25f, 1.05f, 0.8f);
                return Vector3.Lerp(grass, rock, float.ClampNative((rockiness - 0.42f) * 6, 0, 1));
            }
            case EnvironmentKind.Street:
            case EnvironmentKind.CityNight:
                return Street(p, detail, out gloss);
            case EnvironmentKind.Kitchen:
            {
                var tx = p.X / 0.4f;
                var tz = p.Z / 0.4f;
                var grout = Frac(tx) < 0.04f || Frac(tz) < 0.04f;
                var checker = (((int)MathF.Floor(tx) + (int)MathF.Floor(tz)) & 1) == 0;
                gloss = 0.35f;
                return grout ? new Vector3(0.3f) : checker ? new Vector3(0.78f, 0.77f, 0.74f) : new Vector3(0.32f, 0.34f, 0.38f);
            }
            case EnvironmentKind.Room:
            {
                var plank = MathF.Floor(p.Z / 0.18f);
                var offset = Noise.Hash01((int)plank, 0, 3) * 3;
                var seam = Frac(p.Z / 0.18f) < 0.05f || Frac((p.X + offset) / 1.6f) < 0.01f;
                var grain = Noise.Value(p.X * 1.5f + offset, p.Z * 40, 9) * detail;
                var wood = new Vector3(0.45f, 0.27f, 0.13f) * (0.8f + 0.3f * Noise.Hash01((int)plank, 1, 4) + 0.15f * grain);
                gloss = 0.25f;
                return seam ? wood * 0.55f : wood;
            }
            case EnvironmentKind.Desert:
            {
                var phase = p.X * 0.21f + p.Z * 0.13f + 2.5f * NoiseTexture.Sample(p.X * 0.006f, p.Z * 0.006f);
                var slope = MathF.Cos(phase) * 0.35f;
                var ripple = MathF.Sin(p.X * 5 + p.Z * 2.2f) * 0.06f * detail;
                normal = Vector3.Normalize(new Vector3(-(slope * 0.21f + ripple), 1, -(slope * 0.13f)));
                return new Vector3(0.8f, 0.58f, 0.34f) * (0.92f + 0.1f * NoiseTexture.Sample(p.X * 0.4f, p.Z * 0.4f) * detail);
            }
            case EnvironmentKind.Snow:
            {
                var drift = NoiseTexture.Sample(p.X * 0.04f, p.Z * 0.04f);
                normal = Vector3.Normalize(new Vector3((drift - 0.5f) * 0.5f, 1, (NoiseTexture.Sample(p.X * 0.04f + 0.5f, p.Z * 0.04f) - 0.5f) * 0.5f));
                var sparkle = detail > 0 && Noise.Hash01((int)MathF.Floor(p.X * 40), (int)MathF.Floor(p.Z * 40), 12) > 0.995f;
                gloss = sparkle ? 1 : 0.05f;
                return new Vector3(0.86f, 0.89f, 0.95f);
            }
            case EnvironmentKind.Space:
            {
                var crater = NoiseTexture.Sample(p.X * 0.05f, p.Z * 0.05f);
                return new Vector3(0.36f, 0.35f, 0.34f) * (0.6f + 0.6f * crater);
            }
            case EnvironmentKind.Underwater:
            {
                var sand = new Vector3(0.55f, 0.5f, 0.36f) * (0.85f + 0.2f * Noise.Value(p.X * 4, p.Z * 4, 15) * detail);
                return sand * (1 + 1.6f * Caustics(p) * detail);
            }
            default:
                return new Vector3(0.5f);
        }
    }

    private static Vector3 Grass(in Vector3 p, float detail)
    {
        var patch = NoiseTexture.Sample(p.X * 0.03f, p.Z * 0.03f);
        var blades = detail > 0 ? NoiseTexture.Sample(p.X * 0.9f, p.Z * 0.9f) * detail : 0;
        var grass = Vector3.Lerp(new Vector3(0.13f, 0.3f, 0.07f), new Vector3(0.3f, 0.42f, 0.12f), patch);
        return grass * (0.85f + 0.3f * blades);
    }

    /// <summary>Silt with darker patches: what lies under a lake or pond, whatever grows around it.</summary>
    private static Vector3 Bed(in Vector3 p, float detail)
    {
        var patch = NoiseTexture.Sample(p.X * 0.25f, p.Z * 0.25f);
        return new Vector3(0.34f, 0.3f, 0.21f) * (0.7f + 0.45f * patch * (0.4f + 0.6f * detail));
    }

    private static Vector3 Street(in Vector3 p, float detail, out float gloss)
    {
        gloss = 0.12f;
        if (p.Z < -2.5f || p.Z > 3.5f)
        {
            var slab = Frac(p.X / 1.2f) < 0.03f || Frac(p.Z / 1.2f) < 0.03f;
            var kerb = p.Z is > -2.7f and < -2.5f or > 3.5f and < 3.7f;
            return kerb ? new Vector3(0.55f) : slab ? new Vector3(0.3f) : new Vector3(0.46f, 0.45f, 0.43f);
        }
        var asphalt = new Vector3(0.085f, 0.085f, 0.09f) * (0.85f + 0.3f * Noise.Value(p.X * 8, p.Z * 8, 22) * detail);
        var centre = MathF.Abs(p.Z - 0.5f) < 0.07f && Frac(p.X / 4) < 0.55f;
        var edge = MathF.Abs(p.Z + 2.25f) < 0.07f || MathF.Abs(p.Z - 3.25f) < 0.07f;
        return centre ? new Vector3(0.8f, 0.7f, 0.25f) : edge ? new Vector3(0.75f) : asphalt;
    }

    private Vector3 Wall(in Vector3 p, in Vector3 normal, float detail)
    {
        if (normal.Y < -0.5f) return new Vector3(0.85f, 0.84f, 0.8f);
        var along = MathF.Abs(normal.X) > 0.5f ? p.Z : p.X;
        if (environment == EnvironmentKind.Kitchen)
        {
            if (p.Y < 0.9f)
            {
                var door = Frac(along / 0.6f) < 0.02f || p.Y < 0.1f;
                return door ? new Vector3(0.15f, 0.12f, 0.1f) : new Vector3(0.42f, 0.55f, 0.5f);
            }
            if (p.Y < 0.95f) return new Vector3(0.25f, 0.24f, 0.23f);
            if (p.Y < 1.6f)
            {
                var grout = Frac(along / 0.15f) < 0.06f || Frac(p.Y / 0.15f) < 0.06f;
                return grout ? new Vector3(0.55f) : new Vector3(0.85f, 0.86f, 0.84f);
            }
            return new Vector3(0.82f, 0.78f, 0.66f);
        }
        if (p.Y < 0.1f) return new Vector3(0.3f, 0.2f, 0.12f);
        var paper = 0.95f + 0.05f * MathF.Sin(along * 12) * detail;
        return new Vector3(0.7f, 0.66f, 0.58f) * paper;
    }

    private Vector3 Sea(in Vector3 p, float detail, ref Vector3 normal, out float gloss)
    {
        gloss = 1;
        var dx = MathF.Cos(p.X * 0.9f + time * 1.3f) * 0.05f + MathF.Cos(p.X * 2.3f - p.Z * 1.7f + time * 2.1f) * 0.03f * detail;
        var dz = MathF.Cos(p.Z * 0.7f + time * 1.1f) * 0.06f + MathF.Sin(p.Z * 2.9f + p.X * 1.3f + time * 2.6f) * 0.03f * detail;
        normal = Vector3.Normalize(new Vector3(-dx, 1, -dz));
        return new Vector3(0.02f, 0.12f, 0.16f);
    }

    private float Caustics(in Vector3 p)
    {
        var a = Noise.Value(p.X * 1.7f + time * 0.4f, p.Z * 1.7f, 24);
        var b = Noise.Value(p.X * 1.3f, p.Z * 1.3f - time * 0.35f, 25);
        var line = 1 - MathF.Abs(a - b) * 4;
        if (line <= 0) return 0;
        return line * line * line;
    }

    private static float Frac(float x) => x - MathF.Floor(x);
}
