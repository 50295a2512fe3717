using System.Numerics;
using Sora.Inference.World.Scene;

namespace Sora.Inference.World.Rendering;

/// <summary>
/// A representative frame for benchmarks and contact sheets: ground, a person, a dog, a ball, a crate,
/// a glass bottle, a metal sphere, a rock, a tree and a pond with waves; the camera drifts with time.
/// </summary>
public static class ShowcaseScene
{
    private const int WaterResolution = 48;

    public static SceneLook Look(string environment = "lake", string style = "cinematic", int width = 854, int height = 480,
        string timeOfDay = "day", string weather = "clear") =>
        new(environment, timeOfDay, weather, style, width, height, 24);

    public static SceneFrame Frame(int index, double time)
    {
        var sway = (float)Math.Sin(time * 0.3) * 0.8f;
        var camera = new CameraPose(new Vector3(sway, 2.1f, 6.2f), new Vector3(0.6f, 0.7f, -1.2f), 55);
        var bob = (float)Math.Sin(time * 2) * 0.05f;
        var turn = Quaternion.CreateFromYawPitchRoll((float)time * 0.4f, 0, 0);
        BodyPose[] bodies =
        [
            new(1, new SphereShape(0.3f), new(-1.9f, 0.3f, 0.6f), Quaternion.Identity, new(0.75f, 0.08f, 0.06f), SurfaceKind.Glossy),
            new(2, new BoxShape(new(0.35f, 0.35f, 0.35f)), new(-0.3f, 0.35f, -0.4f), Quaternion.CreateFromYawPitchRoll(0.5f, 0, 0), new(0.45f, 0.3f, 0.16f), SurfaceKind.Matte),
            new(3, new CapsuleShape(0.09f, 0.16f), new(0.55f, 0.25f, 0.9f), Quaternion.Identity, new(0.6f, 0.85f, 0.7f), SurfaceKind.Glass),
            new(4, new SphereShape(0.4f), new(-1.2f, 0.4f, -1.9f), Quaternion.Identity, new(0.72f, 0.72f, 0.75f), SurfaceKind.Metal),
            new(5, new CapsuleShape(0.2f, 0.28f), new(1.7f, 1.05f, -0.8f), turn, new(0.1f, 0.22f, 0.7f), SurfaceKind.Matte),
            new(5, new SphereShape(0.14f), new(1.7f, 1.68f, -0.8f), Quaternion.Identity, new(0.85f, 0.62f, 0.5f), SurfaceKind.Skin),
            new(5, new CapsuleShape(0.08f, 0.3f), new(1.6f, 0.38f, -0.8f), Quaternion.Identity, new(0.15f, 0.15f, 0.2f), SurfaceKind.Matte),
            new(5, new CapsuleShape(0.08f, 0.3f), new(1.8f, 0.38f, -0.8f), Quaternion.Identity, new(0.15f, 0.15f, 0.2f), SurfaceKind.Matte),
            new(6, new CapsuleShape(0.16f, 0.3f), new(0.3f, 0.42f + bob, 1.6f), Quaternion.CreateFromYawPitchRoll(0.3f, MathF.PI / 2, 0), new(0.38f, 0.22f, 0.1f), SurfaceKind.Fur),
            new(7, new ConvexHullShape(Rock), new(-3.2f, 0.2f, -0.9f), Quaternion.CreateFromYawPitchRoll(0.7f, 0, 0), new(0.45f, 0.45f, 0.47f), SurfaceKind.Matte),
            new(8, new CapsuleShape(0.15f, 1.1f), new(-3.5f, 1.25f, -4.5f), Quaternion.Identity, new(0.35f, 0.22f, 0.12f), SurfaceKind.Matte),
            new(8, new SphereShape(1.1f), new(-3.5f, 3.0f, -4.5f), Quaternion.Identity, new(0.12f, 0.42f, 0.12f), SurfaceKind.Foliage),
        ];
        return new SceneFrame(index, time, camera, bodies, Water(time));
    }

    private static readonly Vector3[] Rock =
    [
        new(-0.45f, -0.2f, -0.3f), new(0.5f, -0.2f, -0.25f), new(0.4f, -0.2f, 0.35f), new(-0.35f, -0.2f, 0.4f),
        new(-0.2f, 0.25f, -0.1f), new(0.25f, 0.2f, 0.05f), new(0.0f, 0.15f, 0.3f), new(0.1f, 0.05f, -0.35f),
    ];

    private static WaterSurface Water(double time)
    {
        var heights = new float[WaterResolution * WaterResolution];
        for (var z = 0; z < WaterResolution; z++)
        for (var x = 0; x < WaterResolution; x++)
        {
            var r = MathF.Sqrt((x - 14) * (x - 14) + (z - 30) * (z - 30));
            heights[z * WaterResolution + x] = 0.04f * MathF.Sin(r * 0.9f - (float)time * 4) / (1 + r * 0.12f)
                + 0.01f * MathF.Sin(x * 0.7f + (float)time * 1.7f);
        }
        return new WaterSurface(2.6f, -9, 12, -1.6f, -0.05f, WaterResolution, WaterResolution, heights);
    }
}
