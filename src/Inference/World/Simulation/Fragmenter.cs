using System.Numerics;
using Sora.Inference.World.Scene;

namespace Sora.Inference.World.Simulation;

/// <summary>Breaks a body into eight shards that fill its bounding volume without overlapping each other.</summary>
public static class Fragmenter
{
    public static List<RigidBody> Break(RigidBody body, float spread, long seed)
    {
        var random = new Random(unchecked((int)(seed * 31 + body.Index * 7919)));
        var half = HalfExtents(body);
        var cell = half; // 2×2×2 cells of the bounding box
        var density = body.Mass / MathF.Max(body.Volume, 1e-6f);
        var fragments = new List<RigidBody>();
        for (var i = 0; i < 8; i++)
        {
            var offset = new Vector3((i & 1) == 0 ? -0.5f : 0.5f, (i & 2) == 0 ? -0.5f : 0.5f, (i & 4) == 0 ? -0.5f : 0.5f) * cell;
            var radius = 0.42f * MathF.Min(cell.X, cell.Z);
            var height = 0.42f * cell.Y;
            var sides = 3 + random.Next(3);
            var polyhedron = ConvexPolyhedron.Rings(sides,
                [(-height, radius * (0.6f + 0.4f * random.NextSingle())), (0, radius), (height, radius * (0.3f + 0.5f * random.NextSingle()))],
                twist: random.NextSingle() * MathF.PI);
            var shape = HullPolyhedra.Register(polyhedron);
            var fragment = new RigidBody(body.Entity, body.EntityId, shape, Motion.Dynamic, body.Material, density)
            {
                Color = body.Color, Surface = body.Surface, IsFragment = true,
            };
            fragment.ShatterSpeed = 0;
            var world = Vector3.Transform(offset, body.Rotation);
            fragment.Position = body.Position + world;
            fragment.Rotation = body.Rotation;
            var outward = world.LengthSquared() > 0 ? Vector3.Normalize(world) : Vector3.UnitY;
            fragment.Velocity = body.Velocity * 0.5f + outward * spread * (0.5f + 0.5f * random.NextSingle());
            fragment.AngularVelocity = new Vector3(random.NextSingle() - 0.5f, random.NextSingle() - 0.5f, random.NextSingle() - 0.5f) * 8 * spread;
            fragments.Add(fragment);
        }
        return fragments;
    }

    private static Vector3 HalfExtents(RigidBody body) => body.Shape switch
    {
        SphereShape s => new Vector3(s.Radius),
        BoxShape b => b.HalfExtents,
        CapsuleShape c => new Vector3(c.Radius, c.HalfHeight + c.Radius, c.Radius),
        _ => body.Polyhedron!.Points.Aggregate(Vector3.Zero, (m, p) => Vector3.Max(m, Vector3.Abs(p))),
    };
}
