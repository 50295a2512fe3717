using System.Numerics;
using Sora.Inference.World.Planning;
using Sora.Inference.World.Scene;
using Sora.Inference.World.Simulation;

namespace Sora.Inference.Tests.World.Simulation;

public class PhysicsWorldTests
{
    private static PhysicsWorld Room() => new(Terrain.For(new EnvironmentSpec { Kind = "room" }), new Vector3(0, -PhysicsSettings.Gravity, 0), seed: 1);

    private static RigidBody Ball(PhysicsWorld world, Vector3 at, string material = "rubber", float radius = 0.11f)
    {
        var body = world.Add(new RigidBody(world.Bodies.Count, "ball" + world.Bodies.Count, new SphereShape(radius), Motion.Dynamic, material,
            (float)Catalog.Materials[material].Density));
        body.Position = at;
        return body;
    }

    private static RigidBody Box(PhysicsWorld world, Vector3 at, Vector3 half, string material = "wood")
    {
        var body = world.Add(new RigidBody(world.Bodies.Count, "box" + world.Bodies.Count, new BoxShape(half), Motion.Dynamic, material,
            (float)Catalog.Materials[material].Density));
        body.Position = at;
        return body;
    }

    private static void Run(PhysicsWorld world, double seconds, Action? afterStep = null)
    {
        var steps = (int)(seconds * PhysicsSettings.StepsPerSecond);
        for (var i = 0; i < steps; i++)
        {
            world.Step();
            afterStep?.Invoke();
        }
    }

    [Fact]
    public void A_dropped_balls_bounce_heights_follow_its_restitution()
    {
        var world = Room();
        const float radius = 0.11f;
        var ball = Ball(world, new Vector3(0, 2 + radius, 0), radius: radius);
        var peaks = new List<float>();
        var rising = false;
        var previous = ball.Position.Y;
        Run(world, 4, () =>
        {
            var y = ball.Position.Y;
            if (y > previous) rising = true;
            else if (rising && y < previous) { peaks.Add(previous - radius); rising = false; }
            previous = y;
        });

        var e = (float)Catalog.Materials["rubber"].Restitution;
        Assert.True(peaks.Count >= 3, $"only {peaks.Count} bounces");
        var heights = new List<float> { 2 };
        heights.AddRange(peaks);
        for (var i = 1; i < 4; i++)
        {
            var ratio = heights[i] / heights[i - 1];
            Assert.InRange(ratio, e * e * 0.9f, e * e * 1.1f);
        }
    }

    [Fact]
    public void A_stack_of_three_boxes_stays_standing_for_five_seconds()
    {
        var world = Room();
        var half = new Vector3(0.2f);
        var boxes = Enumerable.Range(0, 3).Select(i => Box(world, new Vector3(0, 0.2f + 0.402f * i, 0), half)).ToList();
        var start = boxes.Select(b => b.Position).ToList();

        Run(world, 5);

        for (var i = 0; i < 3; i++)
        {
            Assert.True(Vector3.Distance(start[i], boxes[i].Position) < 0.02f, $"box {i} moved from {start[i]} to {boxes[i].Position} rot {boxes[i].Rotation}");
            Assert.True(Vector3.Dot(Vector3.Transform(Vector3.UnitY, boxes[i].Rotation), Vector3.UnitY) > 0.999f, $"box {i} tilted");
        }
        Assert.All(boxes, b => Assert.True(b.Sleeping, "a resting stack falls asleep"));
        Assert.True(world.MaxPenetration < 0.01f, $"penetration {world.MaxPenetration}");
    }

    [Fact]
    public void Energy_of_passive_bodies_never_rises_and_nothing_interpenetrates()
    {
        var world = Room();
        Ball(world, new Vector3(0, 1.5f, 0));
        Ball(world, new Vector3(0.05f, 2.2f, 0.02f), "wood", 0.15f);
        Box(world, new Vector3(0.6f, 0.8f, 0), new Vector3(0.2f, 0.1f, 0.3f));
        Box(world, new Vector3(0.55f, 1.4f, 0.1f), new Vector3(0.15f), "metal");
        var tumbling = Box(world, new Vector3(-0.7f, 1.0f, 0.3f), new Vector3(0.25f, 0.05f, 0.1f), "plastic");
        tumbling.Rotation = Quaternion.CreateFromYawPitchRoll(0.3f, 0.7f, 0.4f);
        tumbling.AngularVelocity = new Vector3(1, 2, 0);

        var energy = world.PassiveEnergy();
        var worst = 0.0;
        Run(world, 4, () =>
        {
            var now = world.PassiveEnergy();
            worst = Math.Max(worst, now - energy);
            energy = now;
        });

        Assert.True(worst < 0.005, $"energy rose by {worst} J in one step");
        Assert.True(world.MaxPenetration < 0.01f, $"penetration {world.MaxPenetration} m");
        Assert.Contains(world.Events, e => e.Kind == "impact");
    }

    [Fact]
    public void A_dropped_glass_shatters_and_a_dropped_rubber_ball_does_not()
    {
        var world = Room();
        var glass = world.Add(new RigidBody(0, "glass1", new CapsuleShape(0.04f, 0.03f), Motion.Dynamic, "glass", 600));
        glass.Position = new Vector3(0, 1.2f, 0);
        var ball = Ball(world, new Vector3(1, 1.2f, 0));

        Run(world, 2);

        Assert.True(glass.Removed);
        var shatter = Assert.Single(world.Events, e => e.Kind == "shatter");
        Assert.Equal("glass1", shatter.Entity);
        Assert.Equal(8, world.Bodies.Count(b => b.EntityId == "glass1" && b.IsFragment));
        Assert.Contains(world.Sounds, s => s is ShatterSound { Material: "glass" });
        Assert.False(ball.Removed);
        Assert.DoesNotContain(world.Events, e => e.Kind == "shatter" && e.Entity == ball.EntityId);
    }

    [Fact]
    public void A_light_box_floats_on_water_and_its_entry_makes_waves()
    {
        var water = new WaterSpec(-3, -3, 3, 3, 0, 2);
        var world = new PhysicsWorld(Terrain.For(new EnvironmentSpec { Kind = "lake", Water = water }), new Vector3(0, -PhysicsSettings.Gravity, 0), 1);
        var box = Box(world, new Vector3(0, 1.0f, 0), new Vector3(0.2f), "cardboard");
        var stone = Ball(world, new Vector3(1, 1.0f, 1), "stone", 0.1f);

        Run(world, 0.5);
        var waves = world.Water!.MaxDisplacement();
        Run(world, 5.5);

        Assert.Contains(world.Events, e => e.Kind == "splash" && e.Entity == box.EntityId);
        Assert.Contains(world.Sounds, s => s is SplashSound);
        Assert.True(waves > 0.005f, $"waves {waves}");
        Assert.InRange(box.Position.Y, -0.2f, 0.2f);
        Assert.True(stone.Position.Y < -1.5f, "a stone sinks to the bottom");
    }
}
