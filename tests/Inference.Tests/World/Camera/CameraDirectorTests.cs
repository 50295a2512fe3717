using System.Numerics;
using Sora.Inference.World.Camera;
using Sora.Inference.World.Planning;
using Sora.Inference.World.Scene;
using Sora.Inference.World.Simulation;

namespace Sora.Inference.Tests.World.Camera;

public class CameraDirectorTests
{
    private static List<(CameraPose Pose, SubjectView Subject)> Film(ScenePlan plan, double seconds = 4, int fps = 24)
    {
        var simulation = SceneSimulation.Create(plan, 1);
        var director = new CameraDirector(plan, 1);
        var clock = new SimulationClock(plan.Camera);
        var poses = new List<(CameraPose, SubjectView)>();
        for (var frame = 0; frame < seconds * fps; frame++)
        {
            var time = frame / (double)fps;
            simulation.AdvanceTo(clock.SimTime(time));
            poses.Add((director.Pose(time, simulation), simulation.Subject(director.ShotAt(time).Subject)));
        }
        return poses;
    }

    [Theory]
    [InlineData("wide")]
    [InlineData("close_up")]
    [InlineData("tracking")]
    [InlineData("orbit")]
    [InlineData("dolly_in")]
    [InlineData("drone")]
    [InlineData("handheld")]
    [InlineData("low_angle")]
    [InlineData("slow_motion")]
    public void Every_shot_keeps_its_running_subject_in_view(string kind)
    {
        var plan = new PromptPlanner().Plan("a dog runs to a red ball on the street", 4) with { Camera = [new CameraShot(kind, 0, 4, "dog1")] };

        var film = Film(plan);

        Assert.All(film, f => Assert.True(SimulationTrace.Sees(f.Pose, 16 / 9f, f.Subject.Position, 0.1f),
            $"{kind}: dog at {f.Subject.Position} not seen from {f.Pose.Position} towards {f.Pose.Target}"));
        Assert.All(film, f => Assert.True(f.Pose.Position.Y > 0.1f, "the camera stays above the ground"));
    }

    [Fact]
    public void The_point_of_view_shot_looks_out_of_the_subjects_eyes()
    {
        var plan = new PromptPlanner().Plan("a dog runs to a red ball, pov", 4);
        var film = Film(plan);

        Assert.All(film.Skip(24), f =>
        {
            Assert.True(Vector3.Distance(f.Pose.Position, f.Subject.Position) < f.Subject.Height);
            Assert.True(Vector3.Dot(Vector3.Normalize(f.Pose.Target - f.Pose.Position), f.Subject.Forward) > 0.8f);
        });
    }

    [Fact]
    public void Shots_differ_in_how_they_frame_the_subject()
    {
        var distances = new Dictionary<string, float>();
        foreach (var kind in new[] { "close_up", "wide", "drone", "low_angle", "dolly_in" })
        {
            var plan = new PromptPlanner().Plan("a cat sits", 2) with { Camera = [new CameraShot(kind, 0, 2, "cat1")] };
            var film = Film(plan, 2);
            distances[kind] = Vector3.Distance(film[^1].Pose.Position, film[^1].Subject.Position);
            if (kind == "drone") Assert.True(film[^1].Pose.Position.Y > 8);
            if (kind == "low_angle") Assert.True(film[^1].Pose.Position.Y < film[^1].Subject.Position.Y + 0.3f);
            if (kind == "dolly_in") Assert.True(Vector3.Distance(film[0].Pose.Position, film[0].Subject.Position) > distances[kind] * 1.5f, "dolly moves in");
        }
        Assert.True(distances["close_up"] < distances["wide"]);
        Assert.True(distances["close_up"] < distances["drone"]);
    }

    [Fact]
    public void Slow_motion_slows_the_world_and_maps_times_back_exactly()
    {
        var clock = new SimulationClock([new CameraShot("wide", 0, 2), new CameraShot("slow_motion", 2, 2), new CameraShot("wide", 4, 2)]);

        Assert.Equal(1.0, clock.SimTime(1.0), 9);
        Assert.Equal(2 + 1 * SimulationClock.SlowRate, clock.SimTime(3.0), 9);
        Assert.Equal(2 + 2 * SimulationClock.SlowRate + 1, clock.SimTime(5.0), 9);
        foreach (var t in new[] { 0.5, 2.0, 2.7, 3.99, 4.0, 5.5 })
            Assert.Equal(t, clock.VideoTime(clock.SimTime(t)), 9);
    }
}
