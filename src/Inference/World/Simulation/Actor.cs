using System.Numerics;
using Sora.Inference.World.Planning;

namespace Sora.Inference.World.Simulation;

/// <summary>Where a self-moving entity is: on the ground, in a ballistic jump, or in the water.</summary>
public enum ActorState { Ground, Air, Water, Flying }

/// <summary>
/// An entity that moves by itself (person, animal, vehicle, flyer, swimmer): a kinematic body whose
/// velocity the plan's actions set each step. Jumps are ballistic; landing in water makes a splash.
/// </summary>
public sealed class Actor
{
    private float strideLeft;
    private Vector3 lastPosition;

    public Actor(RigidBody body, EntitySpec spec, EntityKind kind)
    {
        Body = body;
        Spec = spec;
        Kind = kind;
        Size = new Vector3((float)spec.Size[0], (float)spec.Size[1], (float)spec.Size[2]);
        Yaw = (float)spec.Yaw;
        State = kind.Mobility == Mobility.Flyer ? ActorState.Flying : ActorState.Ground;
        lastPosition = body.Position;
        strideLeft = Stride;
        Lie = body.Rotation * Quaternion.Inverse(Quaternion.CreateFromAxisAngle(Vector3.UnitY, Yaw));
    }

    public RigidBody Body { get; }
    public EntitySpec Spec { get; }
    public EntityKind Kind { get; }
    public Vector3 Size { get; }
    public ActorState State { get; set; }
    public float Yaw { get; set; }
    public float Gait { get; private set; }
    public float Wave { get; set; }
    public float Sit { get; set; }
    public float Tilt { get; set; }
    public float Spin { get; set; }
    /// <summary>What the actor stands on when not on the ground (a chair it jumped onto).</summary>
    public RigidBody? Support { get; private set; }

    /// <summary>The height of whatever is under the actor: its support's top if over it, else the terrain.</summary>
    private float FloorUnder(PhysicsWorld world)
    {
        var floor = world.Terrain.FloorAt(Body.Position.X, Body.Position.Z);
        if (Support is { Removed: false } support
            && MathF.Abs(Body.Position.X - support.Position.X) < support.BoundingRadius
            && MathF.Abs(Body.Position.Z - support.Position.Z) < support.BoundingRadius)
            floor = MathF.Max(floor, support.Position.Y + support.HalfHeight);
        return floor;
    }

    /// <summary>The body this actor carries (a ball before a throw), if any.</summary>
    public RigidBody? Carried { get; set; }
    private Quaternion Lie { get; }

    public Vector3 Forward => new(MathF.Sin(Yaw), 0, MathF.Cos(Yaw));
    public float Stride => Kind.Shape == Planning.Shape.Figure ? 0.42f * Size.Y : 0.5f * MathF.Max(Size.Y, 0.3f);
    public float WalkSpeed => Kind.Mobility switch
    {
        Mobility.Vehicle => Kind.Name == "bicycle" ? 4 : 8,
        Mobility.Flyer => Kind.Name switch { "airplane" => 14, "balloon" => 0.6f, "kite" => 1, _ => 3 },
        Mobility.Swimmer => 1,
        _ => Kind.Shape == Planning.Shape.Quadruped ? 1.2f : 1.4f,
    };
    public float RunSpeed => Kind.Name switch { "horse" => 7, "dog" => 5, "cat" or "rabbit" => 4, "child" => 3, _ => 4 } ;

    public RigState Rig => new(Body.Position, Quaternion.CreateFromAxisAngle(Vector3.UnitY, Yaw + Spin), Gait, Wave, Sit, Tilt);

    /// <summary>Heads towards <paramref name="goal"/> on the ground at <paramref name="speed"/>; true once there.</summary>
    public bool MoveTowards(Vector3 goal, float speed)
    {
        var delta = new Vector3(goal.X - Body.Position.X, 0, goal.Z - Body.Position.Z);
        var distance = delta.Length();
        if (distance < 0.05f)
        {
            Body.Velocity = new Vector3(0, Body.Velocity.Y, 0);
            return true;
        }
        var direction = delta / distance;
        Yaw = MathF.Atan2(direction.X, direction.Z);
        var step = MathF.Min(speed, distance / PhysicsSettings.Step);
        Body.Velocity = new Vector3(direction.X * step, Body.Velocity.Y, direction.Z * step);
        return false;
    }

    public void Stop() => Body.Velocity = State == ActorState.Air ? Body.Velocity : Vector3.Zero;

    /// <summary>Leaves the ground on a ballistic arc that lands at <paramref name="landing"/> after <paramref name="flightTime"/> s.</summary>
    public void JumpTo(Vector3 landing, float flightTime, float gravity, RigidBody? onto = null)
    {
        Support = onto;
        var delta = landing - Body.Position;
        Yaw = delta.X * delta.X + delta.Z * delta.Z > 1e-4f ? MathF.Atan2(delta.X, delta.Z) : Yaw;
        Body.Velocity = new Vector3(delta.X / flightTime, (delta.Y + 0.5f * gravity * flightTime * flightTime) / flightTime, delta.Z / flightTime);
        State = ActorState.Air;
    }

    /// <summary>After the world moved the body: gravity in the air, landing, floating, gait and footsteps.</summary>
    public void AfterStep(PhysicsWorld world, float dt)
    {
        var body = Body;
        var gravity = -world.Gravity.Y;
        var rest = Size.Y / 2;
        var water = world.Water;
        var overWater = water is not null && water.Contains(body.Position.X, body.Position.Z);
        switch (State)
        {
            case ActorState.Air:
                body.Velocity += world.Gravity * dt;
                if (overWater && body.Position.Y - rest < water!.SurfaceAt(body.Position.X, body.Position.Z))
                {
                    world.Splash(body, -body.Velocity.Y);
                    State = ActorState.Water;
                    body.Velocity = new Vector3(body.Velocity.X * 0.2f, 0, body.Velocity.Z * 0.2f);
                }
                else if (body.Position.Y - rest <= FloorUnder(world) && body.Velocity.Y < 0)
                {
                    body.Position.Y = FloorUnder(world) + rest;
                    world.Events.Add(new SimulationEvent(world.Time, "land", body.EntityId, Support?.EntityId ?? "ground", body.Position, -body.Velocity.Y));
                    world.Sounds.Add(new Scene.FootstepSound(world.Time, body.Position - new Vector3(0, rest, 0), world.Terrain.FootstepSurface, body.Mass));
                    body.Velocity = Vector3.Zero;
                    State = ActorState.Ground;
                }
                break;
            case ActorState.Water:
            {
                // Swimming: the body rides the surface, a third of it under water.
                var surface = water?.SurfaceAt(body.Position.X, body.Position.Z) ?? 0;
                body.Position.Y = surface + rest * 0.35f;
                body.Velocity = new Vector3(body.Velocity.X, 0, body.Velocity.Z);
                break;
            }
            case ActorState.Ground when Kind.Mobility == Mobility.Swimmer && overWater:
                State = ActorState.Water;
                break;
            case ActorState.Ground:
                body.Position.Y = FloorUnder(world) + rest;
                break;
        }
        body.Rotation = Quaternion.CreateFromAxisAngle(Vector3.UnitY, Yaw) * Lie;
        if (Carried is { } carried)
        {
            carried.Position = body.Position + Forward * (MathF.Max(Size.X, Size.Z) / 2 + carried.BoundingRadius + 0.05f) + new Vector3(0, Size.Y * 0.1f, 0);
            carried.Velocity = body.Velocity;
        }

        var moved = new Vector2(body.Position.X - lastPosition.X, body.Position.Z - lastPosition.Z).Length();
        lastPosition = body.Position;
        if (Kind.Mobility is Mobility.Walker && State is ActorState.Ground or ActorState.Water)
        {
            Gait += moved / Stride * MathF.PI;
            strideLeft -= moved;
            if (strideLeft <= 0)
            {
                strideLeft += Stride;
                if (State == ActorState.Ground)
                {
                    var foot = body.Position - new Vector3(0, rest, 0);
                    world.Events.Add(new SimulationEvent(world.Time, "footstep", body.EntityId, "ground", foot, body.Mass));
                    world.Sounds.Add(new Scene.FootstepSound(world.Time, foot, world.Terrain.FootstepSurface, body.Mass));
                }
            }
        }
    }
}
