using System.Numerics;
using Sora.Inference.World.Planning;
using Sora.Inference.World.Scene;

namespace Sora.Inference.World.Simulation;

/// <summary>Where an entity is and which way it looks; what the camera director frames.</summary>
public readonly record struct SubjectView(Vector3 Position, Vector3 Forward, float Height, bool Exists);

/// <summary>
/// A plan brought to life: its entities as bodies and actors in a <see cref="PhysicsWorld"/>, its actions
/// as a script. Advance it in simulated seconds and read poses, sounds and trace frames.
/// </summary>
public sealed class SceneSimulation
{
    private readonly Dictionary<string, Actor> actors = [];
    private readonly Dictionary<string, RigidBody> bodies = [];
    private readonly ActionScript script;

    private SceneSimulation(ScenePlan plan, long seed)
    {
        Plan = plan;
        var gravity = plan.Environment.Kind == "space" ? Vector3.Zero : new Vector3(0, -PhysicsSettings.Gravity, 0);
        World = new PhysicsWorld(Terrain.For(plan.Environment), gravity, seed);
        // The seed picks one of many takes of the same plan: actors start a little differently placed and turned.
        var take = new Random(unchecked((int)seed ^ (int)(seed >> 32) ^ 0x5EED));
        for (var i = 0; i < plan.Entities.Count; i++)
        {
            var spec = plan.Entities[i];
            var kind = Catalog.Entities[spec.Kind];
            var motion = kind.Mobility switch
            {
                Mobility.Static => Motion.Static,
                Mobility.Passive => Motion.Dynamic,
                _ => Motion.Kinematic,
            };
            var body = World.Add(BodyFactory.Create(i, spec, motion));
            bodies[spec.Id] = body;
            if (motion == Motion.Kinematic)
            {
                body.Position += new Vector3(take.NextSingle() - 0.5f, 0, take.NextSingle() - 0.5f) * 0.3f;
                var actor = new Actor(body, spec, kind);
                actor.Yaw += (take.NextSingle() - 0.5f) * 0.4f;
                actors[spec.Id] = actor;
            }
        }
        script = new ActionScript(plan, World, actors, bodies);
    }

    public static SceneSimulation Create(ScenePlan plan, long seed) => new(plan, seed);

    public ScenePlan Plan { get; }
    public PhysicsWorld World { get; }
    public double Time => World.Time;

    /// <summary>Steps until the simulated clock reaches <paramref name="time"/> seconds.</summary>
    public void AdvanceTo(double time)
    {
        while (World.Time + PhysicsSettings.Step / 2 < time) Step();
    }

    public void Step()
    {
        script.BeforeStep();
        World.Step();
        foreach (var actor in actors.Values) actor.AfterStep(World, PhysicsSettings.Step);
    }

    public Actor? ActorOf(string id) => actors.GetValueOrDefault(id);

    public SubjectView Subject(string? id)
    {
        if (id is null || !bodies.TryGetValue(id, out var body))
            return new SubjectView(Centre(), Vector3.UnitZ, 1, false);
        if (body.Removed)
        {
            // A shattered thing is framed where its pieces are.
            var pieces = World.Bodies.Where(b => b.EntityId == id && !b.Removed).ToList();
            var at = pieces.Count > 0 ? pieces.Aggregate(Vector3.Zero, (sum, b) => sum + b.Position) / pieces.Count : body.Position;
            return new SubjectView(at, Vector3.UnitZ, body.HalfHeight * 2, true);
        }
        var forward = actors.TryGetValue(id, out var actor) ? actor.Forward : Vector3.UnitX;
        var height = (float)Plan.Entities[body.Entity].Size[1];
        return new SubjectView(body.Position, forward, height, true);
    }

    /// <summary>The middle of everything in the scene, for wide shots.</summary>
    public Vector3 Centre()
    {
        var live = World.Bodies.Where(b => !b.Removed && b.Motion != Motion.Static).ToList();
        if (live.Count == 0) live = World.Bodies.Where(b => !b.Removed).ToList();
        return live.Count == 0 ? Vector3.Zero : live.Aggregate(Vector3.Zero, (sum, b) => sum + b.Position) / live.Count;
    }

    /// <summary>The radius of the region the entities occupy (at least a few metres).</summary>
    public float Extent()
    {
        var centre = Centre();
        var extent = 2f;
        foreach (var body in World.Bodies)
            if (!body.Removed && body.Motion != Motion.Static) extent = MathF.Max(extent, Vector3.Distance(centre, body.Position) + body.BoundingRadius);
        return MathF.Min(extent, 30);
    }

    /// <summary>Every visible part, in entity order: articulated entities as several parts with one id.</summary>
    public List<BodyPose> Poses()
    {
        var poses = new List<BodyPose>(World.Bodies.Count * 4);
        foreach (var body in World.Bodies)
        {
            if (body.Removed) continue;
            if (body.IsFragment)
            {
                poses.Add(new BodyPose(body.Entity, body.Shape, body.Position, body.Rotation, body.Color, body.Surface));
                continue;
            }
            var spec = Plan.Entities[body.Entity];
            var size = new Vector3((float)spec.Size[0], (float)spec.Size[1], (float)spec.Size[2]);
            var state = actors.TryGetValue(spec.Id, out var actor)
                ? actor.Rig
                : new RigState(body.Position, body.Rotation, 0, 0, 0, 0);
            Rig.Pose(body, Catalog.Entities[spec.Kind], size, state, poses);
        }
        return poses;
    }

    public WaterSurface? WaterSnapshot() => World.Water?.Snapshot();
}
