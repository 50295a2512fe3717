using System.Numerics;
using Sora.Inference.World.Planning;
using Sora.Inference.World.Scene;

namespace Sora.Inference.World.Simulation;

/// <summary>How an articulated entity is posed this frame (drives the visible parts, not the physics).</summary>
public readonly record struct RigState(Vector3 Root, Quaternion Facing, float Gait, float Wave, float Sit, float Tilt);

/// <summary>
/// Turns an entity's collision body into the parts the renderer draws: people get legs, arms and a head,
/// animals four legs, a head and a tail, cars a cabin and wheels, trees a crown. Parts share the entity id.
/// </summary>
public static class Rig
{
    private static readonly Vector3 SkinTone = new(0.8f, 0.6f, 0.48f);

    public static void Pose(RigidBody body, EntityKind kind, Vector3 size, RigState state, List<BodyPose> output)
    {
        var id = body.Entity;
        switch (kind.Shape)
        {
            case Planning.Shape.Figure:
                Figure(id, body, size, state, output);
                return;
            case Planning.Shape.Quadruped:
                Quadruped(id, body, size, state, output);
                return;
        }
        switch (kind.Name)
        {
            case "tree":
            {
                var bottom = body.Position - new Vector3(0, size.Y / 2, 0);
                var trunkHeight = size.Y * 0.55f;
                output.Add(new BodyPose(id, new CapsuleShape(size.X * 0.08f, trunkHeight / 2), bottom + new Vector3(0, trunkHeight / 2, 0), Quaternion.Identity, new Vector3(0.35f, 0.22f, 0.12f), SurfaceKind.Matte));
                output.Add(new BodyPose(id, new SphereShape(size.X * 0.5f), bottom + new Vector3(0, size.Y - size.X * 0.5f, 0), Quaternion.Identity, body.Color, SurfaceKind.Foliage));
                return;
            }
            case "snowman":
            {
                var bottom = body.Position - new Vector3(0, size.Y / 2, 0);
                float[] radii = [size.X * 0.5f, size.X * 0.36f, size.X * 0.25f];
                var y = 0f;
                foreach (var radius in radii)
                {
                    output.Add(new BodyPose(id, new SphereShape(radius), bottom + new Vector3(0, y + radius, 0), Quaternion.Identity, body.Color, SurfaceKind.Snow));
                    y += radius * 1.7f;
                }
                return;
            }
            case "car" or "bus" or "truck":
            {
                var half = size / 2;
                var lower = new BoxShape(new Vector3(half.X, half.Y * 0.45f, half.Z));
                var cabin = new BoxShape(new Vector3(half.X * 0.9f, half.Y * 0.4f, half.Z * (kind.Name == "car" ? 0.5f : 0.95f)));
                output.Add(new BodyPose(id, lower, Local(body, new Vector3(0, -half.Y * 0.2f, 0)), body.Rotation, body.Color, SurfaceKind.Metal));
                output.Add(new BodyPose(id, cabin, Local(body, new Vector3(0, half.Y * 0.6f, -half.Z * 0.05f)), body.Rotation, body.Color * 0.8f, SurfaceKind.Glass));
                var wheel = new CapsuleShape(half.Y * 0.3f, 0.05f);
                var spin = Quaternion.CreateFromAxisAngle(Vector3.UnitZ, MathF.PI / 2);
                foreach (var (sx, sz) in new[] { (-1f, -1f), (1f, -1f), (-1f, 1f), (1f, 1f) })
                    output.Add(new BodyPose(id, wheel, Local(body, new Vector3(sx * half.X * 0.95f, -half.Y * 0.65f, sz * half.Z * 0.7f)), body.Rotation * spin, new Vector3(0.05f), SurfaceKind.Matte));
                return;
            }
            default:
                output.Add(new BodyPose(id, body.Shape, body.Position, body.Rotation, body.Color, body.Surface));
                return;
        }
    }

    private static Vector3 Local(RigidBody body, Vector3 offset) => body.Position + Vector3.Transform(offset, body.Rotation);

    private static void Figure(int id, RigidBody body, Vector3 size, RigState s, List<BodyPose> output)
    {
        var h = size.Y;
        var surface = body.Material == "metal" ? SurfaceKind.Metal : SurfaceKind.Matte;
        var skin = body.Material == "metal" ? body.Color : SkinTone;
        var up = Vector3.Transform(Vector3.UnitY, s.Facing);
        var bottom = s.Root - up * (h / 2);
        var legLength = 0.47f * h;
        var sit = s.Sit * 0.22f * h;
        var hip = bottom + up * (legLength - sit);
        var torso = 0.32f * h;
        var swing = 0.5f * MathF.Sin(s.Gait);
        var legRadius = 0.055f * h;
        for (var side = -1; side <= 1; side += 2)
        {
            var angle = side * swing - s.Sit * MathF.PI / 2;
            var rotation = s.Facing * Quaternion.CreateFromAxisAngle(Vector3.UnitX, angle);
            var hipJoint = hip + Vector3.Transform(new Vector3(side * 0.09f * h, 0, 0), s.Facing);
            var centre = hipJoint + Vector3.Transform(new Vector3(0, -legLength / 2, 0), rotation);
            output.Add(new BodyPose(id, new CapsuleShape(legRadius, legLength / 2 - legRadius), centre, rotation, body.Color * 0.6f, surface));
        }
        var chest = hip + up * (torso / 2);
        output.Add(new BodyPose(id, new BoxShape(new Vector3(0.14f * h, torso / 2, 0.08f * h)), chest, s.Facing, body.Color, surface));
        var shoulder = hip + up * (torso * 0.92f);
        var armLength = 0.36f * h;
        for (var side = -1; side <= 1; side += 2)
        {
            var waving = side == 1 && s.Wave > 0;
            var rotation = waving
                ? s.Facing * Quaternion.CreateFromAxisAngle(Vector3.UnitZ, 2.6f + 0.35f * MathF.Sin(s.Wave * 12))
                : s.Facing * Quaternion.CreateFromAxisAngle(Vector3.UnitX, -side * swing);
            var joint = shoulder + Vector3.Transform(new Vector3(side * 0.19f * h, 0, 0), s.Facing);
            var centre = joint + Vector3.Transform(new Vector3(0, -armLength / 2, 0), rotation);
            output.Add(new BodyPose(id, new CapsuleShape(0.04f * h, armLength / 2 - 0.04f * h), centre, rotation, waving || side == 1 ? skin : skin, SurfaceKind.Skin));
        }
        var headRadius = 0.075f * h;
        output.Add(new BodyPose(id, new SphereShape(headRadius), hip + up * (torso + headRadius * 1.15f), s.Facing, skin,
            body.Material == "metal" ? SurfaceKind.Metal : SurfaceKind.Skin));
    }

    private static void Quadruped(int id, RigidBody body, Vector3 size, RigState s, List<BodyPose> output)
    {
        // size: X width, Y height (to the back), Z length. The collision capsule is the trunk.
        var trunkRadius = MathF.Min(size.X, size.Y) / 2 * 0.75f;
        var legLength = size.Y * 0.55f;
        var bottom = s.Root - new Vector3(0, size.Y / 2, 0);
        var tilt = Quaternion.CreateFromAxisAngle(Vector3.UnitX, s.Tilt);
        var facing = s.Facing * tilt;
        var trunkCentre = bottom + Vector3.Transform(new Vector3(0, legLength + trunkRadius * 0.8f, 0), facing);
        var lie = Quaternion.CreateFromAxisAngle(Vector3.UnitX, MathF.PI / 2);
        output.Add(new BodyPose(id, new CapsuleShape(trunkRadius, MathF.Max(0.01f, size.Z * 0.5f - trunkRadius * 1.6f)), trunkCentre, facing * lie, body.Color, SurfaceKind.Fur));
        var legRadius = MathF.Max(0.02f, size.X * 0.12f);
        var index = 0;
        foreach (var (sx, sz) in new[] { (-1f, 1f), (1f, 1f), (-1f, -1f), (1f, -1f) })
        {
            var phase = s.Gait + (index++ is 0 or 3 ? 0 : MathF.PI);
            var rotation = facing * Quaternion.CreateFromAxisAngle(Vector3.UnitX, 0.45f * MathF.Sin(phase));
            var joint = trunkCentre + Vector3.Transform(new Vector3(sx * size.X * 0.3f, -trunkRadius * 0.5f, sz * size.Z * 0.32f), facing);
            var centre = joint + Vector3.Transform(new Vector3(0, -legLength / 2, 0), rotation);
            output.Add(new BodyPose(id, new CapsuleShape(legRadius, MathF.Max(0.005f, legLength / 2 - legRadius)), centre, rotation, body.Color * 0.85f, SurfaceKind.Fur));
        }
        var headRadius = trunkRadius * 0.9f;
        var head = trunkCentre + Vector3.Transform(new Vector3(0, trunkRadius * 1.1f, size.Z * 0.5f), facing);
        output.Add(new BodyPose(id, new SphereShape(headRadius), head, facing, body.Color, SurfaceKind.Fur));
        var tail = trunkCentre + Vector3.Transform(new Vector3(0, trunkRadius * 0.6f, -size.Z * 0.5f), facing);
        output.Add(new BodyPose(id, new CapsuleShape(legRadius * 0.6f, size.Z * 0.12f), tail,
            facing * Quaternion.CreateFromAxisAngle(Vector3.UnitX, -0.7f + 0.3f * MathF.Sin(s.Gait * 2)), body.Color * 0.9f, SurfaceKind.Fur));
    }
}
