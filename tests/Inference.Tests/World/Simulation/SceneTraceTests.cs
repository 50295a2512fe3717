using Sora.Inference.World;
using Sora.Inference.World.Planning;
using Sora.Inference.World.Simulation;
using Sora.Inference.Tests.World.Engine;

namespace Sora.Inference.Tests.World.Simulation;

public class SceneTraceTests
{
    private static async Task<SimulationTrace> Trace(string prompt, double seconds = 5, long seed = 3)
    {
        var trace = new SimulationTrace();
        var engine = new WorldEngine(new CentreDepthRenderer(), new ClickSynthesizer());
        var request = new GenerationRequest(prompt, seconds, 64, 48, 24, seed) { ChunkFrames = 24 };
        await foreach (var _ in engine.GenerateAsync(request, trace)) { }
        return trace;
    }

    [Fact]
    public async Task A_dog_that_runs_to_the_lake_and_jumps_in_ends_in_the_water_with_a_splash()
    {
        var trace = await Trace("a dog runs to the lake and jumps in");
        var water = new PromptPlanner().Plan("a dog runs to the lake and jumps in").Environment.Water!;

        var dog = trace.Frames[^1].Bodies.Single(b => b.Entity == "dog1");
        Assert.InRange(dog.Position[0], water.MinX, water.MaxX);
        Assert.InRange(dog.Position[2], water.MinZ, water.MaxZ);
        Assert.InRange(dog.Position[1], water.Level - 0.6, water.Level + 0.6);
        Assert.Contains("water", dog.Contacts);
        var splash = Assert.Single(trace.Events, e => e.Kind == "splash" && e.Entity == "dog1");
        Assert.True(trace.Events.Any(e => e.Kind == "footstep" && e.Entity == "dog1" && e.Time < splash.Time), "it ran there first");
    }

    [Fact]
    public async Task The_German_dog_does_the_same()
    {
        var english = await Trace("a dog runs to the lake and jumps in");
        var german = await Trace("Ein Hund rennt zum See und springt hinein");

        Assert.Equal(english.ToJson(), german.ToJson());
    }

    [Theory]
    [InlineData("a glass falls in the kitchen", true)]
    [InlineData("a vase explodes into pieces", true)]
    [InlineData("a red rubber ball falls in the kitchen", false)]
    [InlineData("a wooden cube falls in the kitchen", false)]
    public async Task Dropped_glass_shatters_and_rubber_or_wood_does_not(string prompt, bool breaks)
    {
        var trace = await Trace(prompt, 3);
        Assert.Equal(breaks, trace.Events.Any(e => e.Kind is "shatter" or "explode"));
    }

    [Theory]
    [InlineData("a glass falls in the kitchen")]
    [InlineData("a vase explodes into pieces")]
    [InlineData("a dog runs to the lake and jumps in")]
    [InlineData("a boy throws a ball to a dog on the beach")]
    [InlineData("three wooden boxes stack in a room")]
    [InlineData("a person kicks a ball on the street")]
    [InlineData("a car drives down the street at night")]
    public async Task The_set_of_bodies_changes_only_through_a_shatter_event(string prompt)
    {
        var trace = await Trace(prompt, 3);

        Assert.Equal(trace.Entities.Select(e => e.Id).Order(), trace.Frames[0].Bodies.Select(b => b.Entity).Distinct().Order());
        for (var f = 1; f < trace.Frames.Count; f++)
        {
            var before = trace.Frames[f - 1].Bodies.Select(b => (b.Entity, b.Part)).ToHashSet();
            var after = trace.Frames[f].Bodies.Select(b => (b.Entity, b.Part)).ToHashSet();
            if (before.SetEquals(after)) continue;
            var changed = before.Union(after).Except(before.Intersect(after)).Select(k => k.Entity).Distinct();
            foreach (var entity in changed)
                Assert.Contains(trace.Events, e => e.Kind is "shatter" or "explode" && e.Entity == entity
                    && e.Time > trace.Frames[f - 1].Time - 1e-9 && e.Time <= trace.Frames[f].Time + 1e-9);
        }
    }

    [Theory]
    [InlineData("three wooden boxes stack in a room")]
    [InlineData("a red ball bounces and a wooden crate falls")]
    [InlineData("a glass falls in the kitchen")]
    [InlineData("a cat walks to a blue box")]
    public void Nothing_interpenetrates_by_more_than_a_centimetre(string prompt)
    {
        var simulation = SceneSimulation.Create(new PromptPlanner().Plan(prompt), 1);
        simulation.AdvanceTo(5);
        Assert.True(simulation.World.MaxPenetration < 0.01f, $"{simulation.World.MaxPenetration * 100:F2} cm");
    }

    [Fact]
    public void Energy_of_passive_bodies_never_rises_outside_scripted_pushes()
    {
        var simulation = SceneSimulation.Create(new PromptPlanner().Plan("a red ball bounces, a wooden crate falls and three boxes stack"), 1);
        var energy = simulation.World.PassiveEnergy();
        for (var step = 0; step < 5 * PhysicsSettings.StepsPerSecond; step++)
        {
            var events = simulation.World.Events.Count;
            simulation.Step();
            var now = simulation.World.PassiveEnergy();
            var scripted = simulation.World.Events.Skip(events).Any(e => e.IsScripted || e.ChangesBodies);
            if (!scripted) Assert.True(now <= energy + 1e-3, $"energy rose from {energy} to {now} J at {simulation.Time:F3} s");
            energy = now;
        }
    }

    [Fact]
    public async Task A_stack_of_three_boxes_stands_for_five_seconds()
    {
        var trace = await Trace("three wooden boxes stack in a room");
        foreach (var id in new[] { "box1", "box2", "box3" })
        {
            var first = trace.Frames[0].Bodies.Single(b => b.Entity == id).Position;
            var last = trace.Frames[^1].Bodies.Single(b => b.Entity == id).Position;
            Assert.True(Math.Abs(first[0] - last[0]) + Math.Abs(first[2] - last[2]) < 0.02, $"{id} slid");
            Assert.True(Math.Abs(first[1] - last[1]) < 0.02, $"{id} fell");
        }
    }

    [Fact]
    public async Task The_trace_survives_json()
    {
        var trace = await Trace("a glass falls in the kitchen", 1);
        var json = trace.ToJson();
        var read = SimulationTrace.FromJson(json);

        Assert.Equal(json, read.ToJson());
        Assert.Equal(24, read.Frames.Count);
        Assert.All(read.Frames[0].Bodies, b => Assert.Equal(4, b.Orientation.Length));
    }
}
