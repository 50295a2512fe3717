using System.Numerics;

namespace Sora.Inference.World.Simulation;

/// <summary>
/// Sequential impulses over one step's contacts: non-penetration with speculative margins, restitution
/// above a threshold and Coulomb friction; then a position pass that removes penetration without adding velocity.
/// </summary>
public static class ContactSolver
{
    public static void Prepare(Span<Contact> contacts, Terrain terrain, float dt)
    {
        for (var i = 0; i < contacts.Length; i++)
        {
            ref var c = ref contacts[i];
            var b = c.B;
            c.Friction = MathF.Sqrt(c.A.Friction * (b?.Friction ?? terrain.Friction));
            c.Restitution = MathF.Max(c.A.Restitution, b?.Restitution ?? terrain.Restitution);
            c.NormalMass = 1 / EffectiveMass(c.A, b, c.Point, c.Normal);
            c.Tangent1 = MathF.Abs(c.Normal.Y) < 0.9f ? Vector3.Normalize(Vector3.Cross(c.Normal, Vector3.UnitY)) : Vector3.Normalize(Vector3.Cross(c.Normal, Vector3.UnitX));
            c.Tangent2 = Vector3.Cross(c.Normal, c.Tangent1);
            c.TangentMass1 = 1 / EffectiveMass(c.A, b, c.Point, c.Tangent1);
            c.TangentMass2 = 1 / EffectiveMass(c.A, b, c.Point, c.Tangent2);
            var approach = Vector3.Dot(RelativeVelocity(c), c.Normal);
            c.ApproachSpeed = -approach;
            c.Bounces = approach < -PhysicsSettings.BounceThreshold && c.Separation + approach * dt <= 0;
            c.TargetVelocity = c.Bounces ? -c.Restitution * approach : c.Separation > 0 ? -c.Separation / dt : 0;
            c.NormalImpulse = c.TangentImpulse1 = c.TangentImpulse2 = c.BiasImpulse = 0;
        }
    }

    public static void SolveVelocities(Span<Contact> contacts)
    {
        for (var iteration = 0; iteration < PhysicsSettings.VelocityIterations; iteration++)
        {
            for (var i = 0; i < contacts.Length; i++)
            {
                ref var c = ref contacts[i];
                var relative = RelativeVelocity(c);

                var lambda = (c.TargetVelocity - Vector3.Dot(relative, c.Normal)) * c.NormalMass;
                var accumulated = MathF.Max(c.NormalImpulse + lambda, 0);
                lambda = accumulated - c.NormalImpulse;
                c.NormalImpulse = accumulated;
                Apply(c, c.Normal * lambda);

                var limit = c.Friction * c.NormalImpulse;
                relative = RelativeVelocity(c);
                var t1 = Math.Clamp(c.TangentImpulse1 - Vector3.Dot(relative, c.Tangent1) * c.TangentMass1, -limit, limit);
                var t2 = Math.Clamp(c.TangentImpulse2 - Vector3.Dot(relative, c.Tangent2) * c.TangentMass2, -limit, limit);
                Apply(c, c.Tangent1 * (t1 - c.TangentImpulse1) + c.Tangent2 * (t2 - c.TangentImpulse2));
                c.TangentImpulse1 = t1;
                c.TangentImpulse2 = t2;
            }
        }
    }

    /// <summary>
    /// Pushes penetrating bodies apart by moving them (not by changing velocity), using the separation each
    /// contact will have after this step's motion, so resting stacks neither sink nor gain energy.
    /// </summary>
    public static void CorrectPositions(Span<Contact> contacts, float dt)
    {
        Span<float> predicted = contacts.Length <= 256 ? stackalloc float[contacts.Length] : new float[contacts.Length];
        for (var i = 0; i < contacts.Length; i++)
        {
            ref var c = ref contacts[i];
            predicted[i] = c.Separation + Vector3.Dot(RelativeVelocity(c), c.Normal) * dt;
        }
        var start = new Dictionary<RigidBody, Vector3>();
        for (var iteration = 0; iteration < PhysicsSettings.PositionIterations; iteration++)
        {
            for (var i = 0; i < contacts.Length; i++)
            {
                ref var c = ref contacts[i];
                var a = c.A;
                var b = c.B;
                var moveA = a.Moves ? a.InverseMass : 0;
                var moveB = b is { Moves: true } ? b.InverseMass : 0;
                if (moveA + moveB <= 0) continue;
                if (!start.ContainsKey(a)) start[a] = a.Position;
                if (b is not null && !start.ContainsKey(b)) start[b] = b.Position;
                var shifted = Vector3.Dot((a.Position - start[a]) - (b is null ? Vector3.Zero : b.Position - start[b]), c.Normal);
                var separation = predicted[i] + shifted;
                if (separation >= -PhysicsSettings.Slop) continue;
                var push = (-separation - PhysicsSettings.Slop) * 0.8f / (moveA + moveB);
                a.Position += c.Normal * (push * moveA);
                if (b is not null) b.Position -= c.Normal * (push * moveB);
            }
        }
    }

    private static Vector3 RelativeVelocity(in Contact c) =>
        c.A.VelocityAt(c.Point) - (c.B?.VelocityAt(c.Point) ?? Vector3.Zero);

    private static void Apply(in Contact c, Vector3 impulse)
    {
        c.A.ApplyImpulse(impulse, c.Point);
        c.B?.ApplyImpulse(-impulse, c.Point);
    }

    private static float EffectiveMass(RigidBody a, RigidBody? b, Vector3 point, Vector3 direction)
    {
        var mass = Part(a, point, direction);
        if (b is not null) mass += Part(b, point, direction);
        return MathF.Max(mass, 1e-9f);
    }

    private static float Part(RigidBody body, Vector3 point, Vector3 direction)
    {
        if (!body.Moves) return 0;
        var arm = Vector3.Cross(point - body.Position, direction);
        return body.InverseMass + Vector3.Dot(Vector3.Cross(body.ApplyInverseInertia(arm), point - body.Position), direction);
    }
}
