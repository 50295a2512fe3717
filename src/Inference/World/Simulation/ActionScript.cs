using System.Numerics;
using Sora.Inference.World.Planning;
using Sora.Inference.World.Scene;

namespace Sora.Inference.World.Simulation;

/// <summary>
/// Plays the plan's timed actions: sets actors' velocities, launches jumps, throws, kicks and pushes
/// passive bodies (marked as scripted events), and breaks things that "explode". Called before each step.
/// </summary>
public sealed class ActionScript
{
    private readonly List<ActionSpec> actions;
    private readonly HashSet<int> started = [];
    private readonly HashSet<int> finished = [];
    private readonly IReadOnlyDictionary<string, Actor> actors;
    private readonly IReadOnlyDictionary<string, RigidBody> bodies;
    private readonly PhysicsWorld world;
    private readonly List<SpeechLine> speech;
    private readonly string language;
    private readonly HashSet<int> spoken = [];
    private readonly HashSet<ActionSpec> struck = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ActionSpec, Vector3> fixedGoals = new(ReferenceEqualityComparer.Instance);

    public ActionScript(ScenePlan plan, PhysicsWorld world, IReadOnlyDictionary<string, Actor> actors, IReadOnlyDictionary<string, RigidBody> bodies)
    {
        actions = plan.Actions;
        speech = plan.Speech;
        language = LanguageOf(plan.Prompt);
        this.world = world;
        this.actors = actors;
        this.bodies = bodies;
        // Things to be thrown are carried by their thrower until the throw.
        foreach (var action in actions.Where(a => a.Kind == "throw" && a.Target is not null))
            if (actors.TryGetValue(action.Actor, out var thrower) && bodies.TryGetValue(action.Target!, out var ball) && ball.Motion == Motion.Dynamic)
            {
                thrower.Carried = ball;
                ball.Held = true;
            }
    }

    public void BeforeStep()
    {
        var t = world.Time;
        for (var i = 0; i < speech.Count; i++)
        {
            if (spoken.Contains(i) || t < speech[i].Start) continue;
            spoken.Add(i);
            var at = bodies.TryGetValue(speech[i].Speaker, out var speaker) ? speaker.Position : Vector3.Zero;
            world.Sounds.Add(new SpeechSound(t, at, speech[i].Text, language, speaker?.Entity ?? 0));
            world.Events.Add(new SimulationEvent(t, "speech", speech[i].Speaker, null, at, speech[i].Text.Length));
        }
        foreach (var actor in actors.Values) { actor.Wave = 0; }
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i];
            if (t < action.Start || finished.Contains(i)) continue;
            var first = started.Add(i);
            var progress = (float)((t - action.Start) / action.Duration);
            if (progress >= 1)
            {
                finished.Add(i);
                if (actors.TryGetValue(action.Actor, out var done)) End(action, done);
                continue;
            }
            if (actors.TryGetValue(action.Actor, out var actor)) Act(action, actor, first, progress);
            else if (bodies.TryGetValue(action.Actor, out var body)) Passive(action, body, first);
        }
    }

    private void Act(ActionSpec action, Actor actor, bool first, float progress)
    {
        var gravity = -world.Gravity.Y;
        switch (action.Kind)
        {
            case "walk_to" or "run_to" or "push" or "catch":
            {
                if (actor.State is ActorState.Air) return;
                var speed = action.Kind == "run_to" || action.Kind == "catch" ? actor.RunSpeed : actor.WalkSpeed;
                var goal = Goal(action, actor, pushThrough: action.Kind == "push");
                if (actor.MoveTowards(goal, speed)) actor.Stop();
                if (action.Kind == "catch" && Target(action) is { Held: false, Removed: false } ball
                    && Vector3.Distance(ball.Position, actor.Body.Position + new Vector3(0, actor.Size.Y * 0.3f, 0)) < actor.Size.Y * 0.5f + ball.BoundingRadius)
                {
                    ball.Held = true;
                    ball.Velocity = Vector3.Zero;
                    actor.Carried = ball;
                    world.Events.Add(new SimulationEvent(world.Time, "catch", actor.Body.EntityId, ball.EntityId, ball.Position, 0));
                }
                break;
            }
            case "jump" when first && actor.State == ActorState.Ground:
                actor.JumpTo(actor.Body.Position + actor.Forward * 0.6f, MathF.Sqrt(8 * 0.25f * actor.Size.Y / gravity) + 0.2f, gravity);
                break;
            case "jump_into" when first && actor.State == ActorState.Ground:
            {
                var landing = Goal(action, actor, pushThrough: true);
                if (action.Target == "water" && world.Water is { } water)
                    landing = new Vector3(landing.X, water.Level + actor.Size.Y * 0.2f, landing.Z);
                RigidBody? support = null;
                if (action.Target != "water" && Target(action) is { } onto)
                {
                    landing = onto.Position + new Vector3(0, onto.HalfHeight + actor.Size.Y / 2, 0);
                    support = onto;
                }
                actor.JumpTo(landing, 0.75f, gravity, support);
                break;
            }
            case "drive" or "fly" or "swim":
            {
                if (first && actor.Kind.Mobility is Mobility.Vehicle or Mobility.Flyer && actor.Kind.Name is not ("bird" or "balloon" or "kite" or "bicycle"))
                {
                    world.Sounds.Add(new EngineSound(world.Time, actor.Body.Position, action.Duration, actor.Kind.Name, actor.Body.Entity));
                    world.Events.Add(new SimulationEvent(world.Time, "engine", actor.Body.EntityId, null, actor.Body.Position, (float)action.Duration));
                }
                var velocity = actor.Forward * actor.WalkSpeed;
                if (action.Kind == "fly")
                {
                    actor.State = ActorState.Flying;
                    var climb = actor.Kind.Name == "balloon" ? 0.4f : 0.6f * MathF.Cos(progress * MathF.PI * 2);
                    velocity = actor.Kind.Name == "balloon" ? new Vector3(0.3f, climb, 0) : new Vector3(velocity.X, climb, velocity.Z);
                }
                actor.Body.Velocity = velocity;
                break;
            }
            case "kick" or "knock_over":
            {
                var target = Target(action);
                if (target is null || target.Removed) break;
                var reach = actor.Size.Z / 2 + target.BoundingRadius + 0.15f;
                var flat = new Vector3(target.Position.X - actor.Body.Position.X, 0, target.Position.Z - actor.Body.Position.Z);
                if (flat.Length() > reach && progress < 0.8f) { actor.MoveTowards(target.Position, actor.WalkSpeed * 1.5f); break; }
                actor.Stop();
                if (!struck.Add(action)) break;
                var direction = flat.LengthSquared() > 1e-6f ? Vector3.Normalize(flat) : actor.Forward;
                var spinAxis = Vector3.Cross(Vector3.UnitY, direction);
                if (action.Kind == "kick") world.Push(target, direction * 4 + new Vector3(0, 2, 0), spinAxis * 4, actor.Body.EntityId);
                else world.Push(target, direction * 1.2f, spinAxis * (3f / MathF.Max(target.HalfHeight, 0.1f)), actor.Body.EntityId);
                break;
            }
            case "throw" when actor.Carried is { } ball && progress > 0.3f:
            {
                actor.Carried = null;
                ball.Held = false;
                ball.Wake();
                // Towards whoever catches it, else whoever else is in the scene ("throws a ball to a dog"), else ahead.
                var receiver = actions.FirstOrDefault(a => a.Kind == "catch" && a.Target == ball.EntityId)?.Actor
                    ?? actors.Keys.FirstOrDefault(id => id != actor.Body.EntityId);
                var toward = receiver is not null && bodies.TryGetValue(receiver, out var c) ? c.Position - ball.Position : actor.Forward * 5;
                toward.Y = 0;
                var distance = MathF.Max(toward.Length(), 1);
                const float flight = 0.9f;
                ball.Velocity = toward / distance * (distance / flight) + new Vector3(0, 0.5f * gravity * flight, 0);
                world.Events.Add(new SimulationEvent(world.Time, "release", ball.EntityId, actor.Body.EntityId, ball.Position, ball.Velocity.Length()));
                break;
            }
            case "dance":
                actor.Spin = progress * MathF.PI * 4;
                actor.Wave = progress * 10;
                break;
            case "spin":
                actor.Spin = progress * MathF.PI * 4;
                break;
            case "wave":
                actor.Wave = Math.Max(progress * 10, 0.01f);
                break;
            case "sit":
                actor.Sit = MathF.Min(1, progress * 3);
                break;
            case "fall":
                actor.Tilt = MathF.Min(1, progress * 2) * MathF.PI / 2 * 0.9f;
                break;
            case "splash" when actor.State == ActorState.Water && first:
                world.Splash(actor.Body, 2);
                break;
        }
    }

    private void End(ActionSpec action, Actor actor)
    {
        if (action.Kind is "walk_to" or "run_to" or "push" or "drive" or "swim" or "catch") actor.Stop();
        if (action.Kind == "spin" || action.Kind == "dance") { actor.Yaw += actor.Spin; actor.Spin = 0; }
        if (action.Kind == "fly" && actor.Kind.Name != "balloon") actor.Body.Velocity = actor.Forward * actor.WalkSpeed;
    }

    /// <summary>Actions of things that cannot move by themselves: a scripted nudge, then physics.</summary>
    private void Passive(ActionSpec action, RigidBody body, bool first)
    {
        if (!first || body.Removed || body.Motion != Motion.Dynamic) return;
        var direction = Vector3.UnitX;
        switch (action.Kind)
        {
            case "roll":
                world.Push(body, direction * 2.5f, Vector3.Cross(Vector3.UnitY, direction) * (2.5f / MathF.Max(body.HalfHeight, 0.05f)), "script");
                break;
            case "slide":
                world.Push(body, direction * 3, Vector3.Zero, "script");
                break;
            case "bounce" when body.Sleeping || body.Position.Y - body.HalfHeight < world.Terrain.FloorAt(body.Position.X, body.Position.Z) + 0.05f:
                world.Push(body, new Vector3(0, 5, 0), Vector3.Zero, "script");
                break;
            case "fall" when body.Sleeping || body.Position.Y - body.HalfHeight > world.Terrain.FloorAt(body.Position.X, body.Position.Z) + 0.05f && body.Velocity.LengthSquared() < 0.01f:
                // Resting on something: nudge it over the edge.
                world.Push(body, direction * 0.9f, Vector3.Zero, "script");
                break;
            case "explode" or "shatter":
                world.Shatter(body, body.Position, "explode", 3);
                break;
            case "spin":
                world.Push(body, Vector3.Zero, new Vector3(0, 8, 0), "script");
                break;
            case "pour":
                world.Push(body, Vector3.Zero, new Vector3(0, 0, 4), "script");
                break;
        }
    }

    private RigidBody? Target(ActionSpec action) =>
        action.Target is { } id && bodies.TryGetValue(id, out var body) ? body : null;

    /// <summary>Where a move ends: beside the target entity, at the water's edge (or in it), or a few metres ahead.</summary>
    private Vector3 Goal(ActionSpec action, Actor actor, bool pushThrough)
    {
        var position = actor.Body.Position;
        if (action.Target == "water" && world.Water is { } water)
        {
            // The nearest point of the shore; stop just before it, or land well inside it.
            if (fixedGoals.TryGetValue(action, out var known)) return known;
            var spec = water.Spec;
            var shore = new Vector3((float)Math.Clamp(position.X, spec.MinX, spec.MaxX), position.Y, (float)Math.Clamp(position.Z, spec.MinZ, spec.MaxZ));
            var outward = new Vector3(position.X - shore.X, 0, position.Z - shore.Z);
            outward = outward.LengthSquared() > 1e-6f ? Vector3.Normalize(outward) : Vector3.Normalize(new Vector3(position.X - water.Centre.X, 0, position.Z - water.Centre.Z));
            return fixedGoals[action] = shore + outward * (pushThrough ? -1.5f : 0.4f);
        }
        if (Target(action) is { } target)
        {
            var away = new Vector3(position.X - target.Position.X, 0, position.Z - target.Position.Z);
            var length = away.Length();
            if (length < 1e-3f) return position;
            var gap = pushThrough ? -0.3f : target.BoundingRadius + MathF.Max(actor.Size.X, actor.Size.Z) / 2 + 0.1f;
            var goal = target.Position + away / length * gap;
            return goal with { Y = position.Y };
        }
        if (!fixedGoals.TryGetValue(action, out var ahead))
            fixedGoals[action] = ahead = pushThrough || action.Kind is "walk_to" or "run_to" ? position + actor.Forward * (action.Kind == "run_to" ? 6 : 3) : position;
        return ahead;
    }

    private static string LanguageOf(string prompt) =>
        prompt.IndexOfAny(['ä', 'ö', 'ü', 'ß', 'Ä', 'Ö', 'Ü']) >= 0 || $" {prompt.ToLowerInvariant()} ".Contains(" ein") || prompt.Contains(" und ") ? "de" : "en";
}
