using System.Numerics;
using Sora.Inference.World.Scene;

namespace Sora.Inference.World.Simulation;

/// <summary>How a body moves: by forces and contacts, by a script, or not at all.</summary>
public enum Motion { Dynamic, Kinematic, Static }

/// <summary>One rigid body: shape, mass properties, material and state (world frame, metres, seconds).</summary>
public sealed class RigidBody
{
    public RigidBody(int entity, string entityId, BodyShape shape, Motion motion, string material, float density)
    {
        Entity = entity;
        EntityId = entityId;
        Shape = shape;
        Motion = motion;
        Material = material;
        var info = Planning.Catalog.Materials[material];
        Restitution = (float)info.Restitution;
        Friction = (float)info.Friction;
        ShatterSpeed = (float)info.ShatterSpeed;
        Polyhedron = shape switch
        {
            BoxShape box => ConvexPolyhedron.Box(box.HalfExtents),
            ConvexHullShape hull => HullPolyhedra.Get(hull),
            _ => null,
        };
        (Volume, var inertiaPerMass) = MassProperties(shape, Polyhedron);
        HalfHeight = shape switch
        {
            SphereShape s => s.Radius,
            BoxShape b => b.HalfExtents.Y,
            CapsuleShape c => c.HalfHeight + c.Radius,
            _ => Polyhedron!.Points.Max(p => MathF.Abs(p.Y)),
        };
        BoundingRadius = shape switch
        {
            SphereShape s => s.Radius,
            BoxShape b => b.HalfExtents.Length(),
            CapsuleShape c => c.HalfHeight + c.Radius,
            _ => Polyhedron!.Points.Max(p => p.Length()),
        };
        if (motion == Motion.Dynamic)
        {
            Mass = density * Volume;
            InverseMass = 1 / Mass;
            InverseInertia = new Vector3(1 / (Mass * inertiaPerMass.X), 1 / (Mass * inertiaPerMass.Y), 1 / (Mass * inertiaPerMass.Z));
        }
        else
        {
            Mass = density * Volume;
        }
    }

    public int Index { get; set; }
    /// <summary>Index of the plan entity this body belongs to; fragments keep their parent's.</summary>
    public int Entity { get; }
    public string EntityId { get; }
    public BodyShape Shape { get; }
    public ConvexPolyhedron? Polyhedron { get; }
    public Motion Motion { get; set; }
    public string Material { get; }
    public float Restitution { get; }
    public float Friction { get; }
    /// <summary>Impact speed above which the body breaks; 0 = unbreakable.</summary>
    public float ShatterSpeed { get; set; }
    public float Volume { get; }
    public float Mass { get; }
    public float InverseMass { get; private set; }
    /// <summary>Inverse principal moments in the body frame.</summary>
    public Vector3 InverseInertia { get; private set; }
    public float HalfHeight { get; }
    public float BoundingRadius { get; }
    public Vector3 Color { get; init; }
    public SurfaceKind Surface { get; init; }
    public bool IsFragment { get; init; }

    public Vector3 Position;
    public Quaternion Rotation = Quaternion.Identity;
    public Vector3 Velocity;
    public Vector3 AngularVelocity;
    public bool Sleeping;
    public float StillTime;
    public bool Removed;
    /// <summary>Set while an actor holds the body (it moves with the holder, not by forces).</summary>
    public bool Held;

    public bool IsDynamic => Motion == Motion.Dynamic && !Held;
    public bool Moves => IsDynamic && !Sleeping;

    public Vector3 ApplyInverseInertia(Vector3 worldVector)
    {
        if (!Moves) return Vector3.Zero;
        var local = Vector3.Transform(worldVector, Quaternion.Conjugate(Rotation));
        return Vector3.Transform(local * InverseInertia, Rotation);
    }

    public Vector3 VelocityAt(Vector3 point) => Velocity + Vector3.Cross(AngularVelocity, point - Position);

    public void ApplyImpulse(Vector3 impulse, Vector3 point)
    {
        if (!Moves) return;
        Velocity += impulse * InverseMass;
        AngularVelocity += ApplyInverseInertia(Vector3.Cross(point - Position, impulse));
    }

    /// <summary>Kinetic energy (translation and rotation) in joules.</summary>
    public float KineticEnergy()
    {
        if (Motion != Motion.Dynamic) return 0;
        var local = Vector3.Transform(AngularVelocity, Quaternion.Conjugate(Rotation));
        var rotational = InverseInertia.X > 0
            ? local.X * local.X / InverseInertia.X + local.Y * local.Y / InverseInertia.Y + local.Z * local.Z / InverseInertia.Z
            : 0;
        return 0.5f * Mass * Velocity.LengthSquared() + 0.5f * rotational;
    }

    public void Wake()
    {
        Sleeping = false;
        StillTime = 0;
    }

    /// <summary>Volume and the principal moments of inertia per unit mass.</summary>
    private static (float Volume, Vector3 InertiaPerMass) MassProperties(BodyShape shape, ConvexPolyhedron? polyhedron)
    {
        switch (shape)
        {
            case SphereShape s:
                return (4f / 3 * MathF.PI * s.Radius * s.Radius * s.Radius, new Vector3(0.4f * s.Radius * s.Radius));
            case BoxShape b:
            {
                var size = b.HalfExtents * 2;
                return (size.X * size.Y * size.Z, new Vector3(size.Y * size.Y + size.Z * size.Z, size.X * size.X + size.Z * size.Z, size.X * size.X + size.Y * size.Y) / 12);
            }
            case CapsuleShape c:
            {
                // Approximated by a solid cylinder of the full length; close enough for motion.
                var length = 2 * (c.HalfHeight + c.Radius);
                var volume = MathF.PI * c.Radius * c.Radius * 2 * c.HalfHeight + 4f / 3 * MathF.PI * c.Radius * c.Radius * c.Radius;
                var side = (3 * c.Radius * c.Radius + length * length) / 12;
                return (volume, new Vector3(side, 0.5f * c.Radius * c.Radius, side));
            }
            default:
            {
                var min = new Vector3(float.MaxValue);
                var max = new Vector3(float.MinValue);
                foreach (var p in polyhedron!.Points) { min = Vector3.Min(min, p); max = Vector3.Max(max, p); }
                var size = max - min;
                return (polyhedron.Volume(), new Vector3(size.Y * size.Y + size.Z * size.Z, size.X * size.X + size.Z * size.Z, size.X * size.X + size.Y * size.Y) / 12);
            }
        }
    }
}
