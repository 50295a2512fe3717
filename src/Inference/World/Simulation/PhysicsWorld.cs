using System.Numerics;
using Sora.Inference.World.Scene;

namespace Sora.Inference.World.Simulation;

/// <summary>
/// Rigid bodies on a terrain, with optional water, advanced in fixed steps. Dynamic bodies obey gravity,
/// buoyancy and contacts; kinematic ones move with the velocity their script sets. Collisions produce
/// impact, shatter and splash events; breakable bodies turn into fragments.
/// </summary>
public sealed class PhysicsWorld
{
    private readonly List<RigidBody> bodies = [];
    private readonly List<Contact> contacts = [];
    private readonly Dictionary<(int, int), double> lastImpact = [];
    private readonly HashSet<RigidBody> submerged = [];
    private readonly List<(RigidBody Body, Vector3 Point, float Speed)> toShatter = [];
    private readonly long seed;

    public PhysicsWorld(Terrain terrain, Vector3 gravity, long seed)
    {
        Terrain = terrain;
        Gravity = gravity;
        this.seed = seed;
        if (terrain.Water is { } water) Water = new WaterField(water);
    }

    public Terrain Terrain { get; }
    public Vector3 Gravity { get; }
    public WaterField? Water { get; }
    public double Time { get; private set; }
    public int StepCount { get; private set; }
    public IReadOnlyList<RigidBody> Bodies => bodies;
    public List<SimulationEvent> Events { get; } = [];
    public List<SoundEvent> Sounds { get; } = [];

    /// <summary>The deepest penetration seen after any step, in metres (for checking the solver).</summary>
    public float MaxPenetration { get; private set; }

    /// <summary>Pairs touching after the last step (body indices; -1 is the ground, -2 water).</summary>
    public HashSet<(int, int)> Touching { get; } = [];

    public RigidBody Add(RigidBody body)
    {
        body.Index = bodies.Count;
        bodies.Add(body);
        return body;
    }

    public void Step()
    {
        var dt = PhysicsSettings.Step;
        ApplyForces(dt);

        contacts.Clear();
        FindContacts();
        WakeTouched();
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(contacts);
        ContactSolver.Prepare(span, Terrain, dt);
        ContactSolver.SolveVelocities(span);
        Integrate(dt);
        ContactSolver.CorrectPositions(span, dt);
        MeasurePenetration(span, dt);
        ReportImpacts(span);
        ResistRolling(span, dt);
        ShatterBroken();
        TrackWater();
        Water?.Step(dt);
        UpdateSleep(dt);
        StepCount++;
        Time = StepCount * (double)dt;
    }

    /// <summary>Kinetic plus gravitational potential energy of the dynamic bodies, in joules.</summary>
    public double PassiveEnergy() =>
        bodies.Where(b => b is { Motion: Motion.Dynamic, Removed: false, Held: false })
            .Sum(b => (double)b.KineticEnergy() - b.Mass * Vector3.Dot(Gravity, b.Position));

    private void ApplyForces(float dt)
    {
        foreach (var body in bodies)
        {
            if (body.Removed || !body.Moves) continue;
            body.Velocity += Gravity * dt;
            if (Water is null || !Water.Contains(body.Position.X, body.Position.Z)) continue;
            var surface = Water.SurfaceAt(body.Position.X, body.Position.Z);
            var bottom = body.Position.Y - body.HalfHeight;
            var depth = Math.Clamp(surface - bottom, 0, 2 * body.HalfHeight);
            if (depth <= 0) continue;
            var fraction = depth / (2 * body.HalfHeight);
            var buoyancy = PhysicsSettings.WaterDensity * body.Volume * fraction * Gravity.Length();
            body.Velocity += Vector3.UnitY * (buoyancy * body.InverseMass * dt);
            // Water drags: damp motion in proportion to how deep the body is.
            var drag = MathF.Max(0, 1 - 2.5f * fraction * dt);
            body.Velocity *= drag;
            body.AngularVelocity *= drag;
        }
    }

    private void FindContacts()
    {
        for (var i = 0; i < bodies.Count; i++)
        {
            var a = bodies[i];
            if (a.Removed || a.Held) continue;
            if (a.Moves) Narrowphase.Ground(a, Terrain, Margin(a), contacts);
            for (var j = i + 1; j < bodies.Count; j++)
            {
                var b = bodies[j];
                if (b.Removed || b.Held || (!a.Moves && !b.Moves)) continue;
                if (a.Motion == Motion.Kinematic && b.Motion == Motion.Kinematic) continue;
                Narrowphase.Pair(a, b, MathF.Max(Margin(a), Margin(b)), contacts);
            }
        }
    }

    private static float Margin(RigidBody body) =>
        PhysicsSettings.ContactMargin + body.Velocity.Length() * PhysicsSettings.Step + body.AngularVelocity.Length() * body.BoundingRadius * PhysicsSettings.Step;

    private void WakeTouched()
    {
        foreach (var c in contacts)
        {
            if (c.B is null) continue;
            if (c.A.Sleeping && Active(c.B)) c.A.Wake();
            if (c.B.Sleeping && Active(c.A)) c.B.Wake();
        }

        static bool Active(RigidBody body) =>
            (body.Motion == Motion.Kinematic && body.Velocity.LengthSquared() > 1e-6f) ||
            (body.Moves && body.Velocity.LengthSquared() > 4 * PhysicsSettings.SleepLinearSpeed * PhysicsSettings.SleepLinearSpeed);
    }

    private void Integrate(float dt)
    {
        foreach (var body in bodies)
        {
            if (body.Removed || body.Held) continue;
            if (!body.Moves && body.Motion != Motion.Kinematic) continue;
            body.Position += body.Velocity * dt;
            var w = body.AngularVelocity;
            if (w.LengthSquared() > 0)
            {
                var spin = new Quaternion(w * (0.5f * dt), 0) * body.Rotation;
                body.Rotation = Quaternion.Normalize(new Quaternion(
                    body.Rotation.X + spin.X, body.Rotation.Y + spin.Y, body.Rotation.Z + spin.Z, body.Rotation.W + spin.W));
            }
        }
    }

    private void MeasurePenetration(Span<Contact> span, float dt)
    {
        Touching.Clear();
        foreach (ref var c in span)
        {
            // Separation after this step's motion and correction, from the contact's own frame.
            var after = c.Separation + Vector3.Dot(c.A.VelocityAt(c.Point) - (c.B?.VelocityAt(c.Point) ?? Vector3.Zero), c.Normal) * dt;
            if (c.A.Removed || c.B is { Removed: true }) continue;
            if (after < 0.005f) Touching.Add((c.A.Index, c.B?.Index ?? -1));
        }
        // The exact depth is measured by a fresh detection, cheaply only every frame's worth of steps.
        if (StepCount % 10 != 0) return;
        var probe = new List<Contact>();
        for (var i = 0; i < bodies.Count; i++)
        {
            var a = bodies[i];
            if (a.Removed || a.Held) continue;
            if (a.Motion == Motion.Dynamic) Narrowphase.Ground(a, Terrain, 0, probe);
            for (var j = i + 1; j < bodies.Count; j++)
                if (!bodies[j].Removed && !bodies[j].Held && (a.Motion == Motion.Dynamic || bodies[j].Motion == Motion.Dynamic))
                    Narrowphase.Pair(a, bodies[j], 0, probe);
        }
        foreach (var c in probe) MaxPenetration = MathF.Max(MaxPenetration, -c.Separation);
    }

    private void ReportImpacts(Span<Contact> span)
    {
        var byPair = new Dictionary<(int, int), (float Impulse, float Speed, Vector3 Point, RigidBody A, RigidBody? B)>();
        foreach (ref var c in span)
        {
            var key = (c.A.Index, c.B?.Index ?? -1);
            byPair.TryGetValue(key, out var sum);
            var point = sum.Impulse + c.NormalImpulse > 0 ? (sum.Point * sum.Impulse + c.Point * c.NormalImpulse) / (sum.Impulse + c.NormalImpulse) : c.Point;
            byPair[key] = (sum.Impulse + c.NormalImpulse, MathF.Max(sum.Speed, c.Bounces || c.Separation < 0.005f ? c.ApproachSpeed : 0), point, c.A, c.B);
        }
        foreach (var (key, hit) in byPair.OrderBy(p => p.Key))
        {
            if (hit.Speed < PhysicsSettings.ImpactSoundSpeed || hit.Impulse < PhysicsSettings.ImpactSoundImpulse) continue;
            if (lastImpact.TryGetValue(key, out var last) && Time - last < 0.06) continue;
            lastImpact[key] = Time;
            var other = hit.B is null ? "ground" : hit.B.EntityId;
            Events.Add(new SimulationEvent(Time, "impact", hit.A.EntityId, other, hit.Point, hit.Impulse));
            Sounds.Add(new ImpactSound(Time, hit.Point, hit.A.Material, hit.B?.Material ?? Terrain.Material, hit.Impulse));
            foreach (var body in (RigidBody?[])[hit.A, hit.B])
                if (body is { ShatterSpeed: > 0, Removed: false } && hit.Speed > body.ShatterSpeed && toShatter.All(s => s.Body != body))
                    toShatter.Add((body, hit.Point, hit.Speed));
        }
    }

    /// <summary>Real contacts are not points: a rolling body slowly loses its spin (and, through friction, its speed).</summary>
    private static void ResistRolling(Span<Contact> span, float dt)
    {
        RigidBody? last = null;
        foreach (ref var c in span)
        {
            if (c.NormalImpulse <= 0 || ReferenceEquals(c.A, last) || !c.A.Moves) continue;
            last = c.A;
            c.A.AngularVelocity *= 1 - 1.5f * dt;
        }
    }

    private void ShatterBroken()
    {
        foreach (var (body, point, speed) in toShatter)
            Shatter(body, point, "shatter", speed);
        toShatter.Clear();
    }

    /// <summary>Replaces a body by fragments that fill its volume; <paramref name="kind"/> is "shatter" or "explode".</summary>
    public void Shatter(RigidBody body, Vector3 point, string kind, float strength)
    {
        if (body.Removed) return;
        var fragments = Fragmenter.Break(body, kind == "explode" ? 2.5f : 0.6f, seed);
        body.Removed = true;
        foreach (var fragment in fragments) Add(fragment);
        var energy = fragments.Sum(f => f.KineticEnergy());
        Events.Add(new SimulationEvent(Time, kind, body.EntityId, null, point, strength));
        Sounds.Add(new ShatterSound(Time, point, body.Material, MathF.Max(energy, 0.5f * body.Mass * strength * strength)));
    }

    /// <summary>A script pushes a body: the energy it adds is marked as scripted in the events.</summary>
    public void Push(RigidBody body, Vector3 velocityChange, Vector3 spin, string by)
    {
        if (body.Removed || body.Motion != Motion.Dynamic) return;
        body.Wake();
        body.Velocity += velocityChange;
        body.AngularVelocity += spin;
        Events.Add(new SimulationEvent(Time, "push", body.EntityId, by, body.Position, velocityChange.Length()));
    }

    private void TrackWater()
    {
        if (Water is null) return;
        foreach (var body in bodies)
        {
            if (body.Removed || body.Held) continue;
            var inside = Water.Contains(body.Position.X, body.Position.Z)
                && body.Position.Y - body.HalfHeight < Water.SurfaceAt(body.Position.X, body.Position.Z);
            if (inside && submerged.Add(body) && body.Motion == Motion.Dynamic)
            {
                var speed = -body.Velocity.Y;
                if (speed > 0.3f) Splash(body, speed);
            }
            else if (!inside) submerged.Remove(body);
            if (inside)
            {
                Touching.Add((body.Index, -2));
                var horizontal = new Vector2(body.Velocity.X, body.Velocity.Z).Length();
                if (horizontal > 0.2f) Water.Disturb(body.Position.X, body.Position.Z, body.BoundingRadius, horizontal * 0.02f);
            }
        }
    }

    /// <summary>A body hits the water surface at <paramref name="speed"/> m/s downward.</summary>
    public void Splash(RigidBody body, float speed)
    {
        var at = new Vector3(body.Position.X, Water!.Level, body.Position.Z);
        Water.Disturb(at.X, at.Z, 0.25f + body.BoundingRadius, MathF.Min(0.6f, 0.05f * speed * MathF.Cbrt(MathF.Max(body.Mass, 0.05f))));
        Events.Add(new SimulationEvent(Time, "splash", body.EntityId, "water", at, speed));
        Sounds.Add(new SplashSound(Time, at, speed, body.Mass));
    }

    private void UpdateSleep(float dt)
    {
        foreach (var body in bodies)
        {
            if (body.Removed || !body.Moves) continue;
            var still = body.Velocity.Length() < PhysicsSettings.SleepLinearSpeed && body.AngularVelocity.Length() < PhysicsSettings.SleepAngularSpeed;
            body.StillTime = still ? body.StillTime + dt : 0;
            if (body.StillTime > PhysicsSettings.SleepDelay && !submerged.Contains(body))
            {
                body.Sleeping = true;
                body.Velocity = Vector3.Zero;
                body.AngularVelocity = Vector3.Zero;
            }
        }
    }
}
