using System.Numerics;
using Sora.Inference.World.Planning;
using Sora.Inference.World.Scene;
using Sora.Inference.World.Simulation;

namespace Sora.Inference.World.Camera;

/// <summary>
/// Turns the plan's camera shots into a camera pose per frame, framing each shot's subject as it moves.
/// Call <see cref="Pose"/> once per frame in order: moving shots are smoothed from frame to frame.
/// </summary>
public sealed class CameraDirector(ScenePlan plan, long seed)
{
    private readonly List<CameraShot> shots = plan.Camera.Count > 0 ? plan.Camera : [new CameraShot("wide", 0, 1e6)];
    private Vector3? smoothedPosition;
    private Vector3? smoothedTarget;
    private CameraShot? currentShot;
    private readonly float shakeSeed = (seed % 1000) * 0.137f;

    public CameraShot ShotAt(double time) =>
        shots.LastOrDefault(s => time >= s.Start && time < s.Start + s.Duration) ?? (time < shots[0].Start ? shots[0] : shots[^1]);

    public CameraPose Pose(double time, SceneSimulation simulation)
    {
        var shot = ShotAt(time);
        var progress = (float)Math.Clamp((time - shot.Start) / shot.Duration, 0, 1);
        var subject = simulation.Subject(shot.Subject ?? plan.Entities.FirstOrDefault()?.Id);
        var (position, target, fov) = Frame(shot.Kind, progress, (float)(time - shot.Start), subject, simulation);

        // A cut starts fresh; within a shot the camera eases after the subject instead of jittering with it.
        if (!ReferenceEquals(shot, currentShot) || smoothedPosition is null)
        {
            currentShot = shot;
            smoothedPosition = position;
            smoothedTarget = target;
        }
        else if (shot.Kind is not ("pov" or "handheld"))
        {
            smoothedPosition = Vector3.Lerp(smoothedPosition.Value, position, 0.25f);
            smoothedTarget = Vector3.Lerp(smoothedTarget!.Value, target, 0.35f);
        }
        else
        {
            smoothedPosition = position;
            smoothedTarget = target;
        }
        var roll = shot.Kind == "handheld" ? 1.2f * MathF.Sin((float)time * 2.3f + shakeSeed) : 0;
        return new CameraPose(KeepAboveGround(smoothedPosition.Value, simulation), smoothedTarget!.Value, fov, roll);
    }

    private (Vector3 Position, Vector3 Target, float Fov) Frame(string kind, float progress, float elapsed, SubjectView subject, SceneSimulation simulation)
    {
        var focus = subject.Position + new Vector3(0, subject.Height * 0.15f, 0);
        var size = MathF.Max(subject.Height, 0.3f);
        var side = Vector3.Normalize(new Vector3(0.35f, 0, 1));
        switch (kind)
        {
            case "close_up":
                return (focus + side * (1.0f + 2.2f * size) + new Vector3(0, 0.25f * size, 0), focus, 32);
            case "tracking":
            {
                var behind = subject.Exists ? -subject.Forward : -Vector3.UnitX;
                var offset = Vector3.Normalize(behind * 0.6f + Vector3.Cross(Vector3.UnitY, behind) * 0.8f) * (3 + 2.5f * size);
                return (focus + offset + new Vector3(0, 1.2f + 0.4f * size, 0), focus, 45);
            }
            case "orbit":
            {
                var angle = elapsed * 0.6f;
                var radius = 3 + 3 * size;
                return (focus + new Vector3(MathF.Sin(angle) * radius, 1.5f + 0.5f * size, MathF.Cos(angle) * radius), focus, 45);
            }
            case "dolly_in":
            {
                var distance = (4 + 5 * size) * (1 - 0.65f * Smooth(progress));
                return (focus + side * distance + new Vector3(0, 0.6f + 0.3f * size, 0), focus, 42);
            }
            case "drone":
            {
                var height = 10 + 2 * size;
                var drift = new Vector3(-4 + 3 * progress, 0, 6 - 2 * progress);
                return (focus + drift + new Vector3(0, height, 0), focus, 55);
            }
            case "handheld":
            {
                var t = elapsed + shakeSeed;
                var shake = new Vector3(MathF.Sin(t * 3.1f) + 0.5f * MathF.Sin(t * 7.3f), MathF.Sin(t * 4.2f + 1), MathF.Sin(t * 2.7f + 2)) * 0.04f;
                return (focus + side * (2.5f + 2.5f * size) + new Vector3(0, 0.5f, 0) + shake, focus + shake * 0.5f, 45);
            }
            case "low_angle":
                return (subject.Position with { Y = simulation.World.Terrain.FloorAt(subject.Position.X, subject.Position.Z) + 0.25f } + side * (2 + 2.2f * size),
                    subject.Position + new Vector3(0, subject.Height * 0.5f, 0), 55);
            case "pov":
            {
                var eye = subject.Position + new Vector3(0, subject.Height * 0.4f, 0);
                var forward = subject.Exists ? subject.Forward : Vector3.UnitX;
                return (eye + forward * 0.3f, eye + forward * 5 - new Vector3(0, 0.4f, 0), 70);
            }
            case "slow_motion":
                return (focus + side * (2 + 3 * size) + new Vector3(0, 0.5f * size, 0), focus, 40);
            default:
            {
                var centre = simulation.Centre();
                var extent = simulation.Extent();
                var distance = 2.5f + 2.2f * extent;
                return (centre + new Vector3(0.3f * distance, 0.45f * distance, distance), centre + new Vector3(0, 0.3f, 0), 50);
            }
        }
    }

    private static Vector3 KeepAboveGround(Vector3 position, SceneSimulation simulation)
    {
        var floor = simulation.World.Terrain.HasGround ? MathF.Max(0, simulation.World.Terrain.FloorAt(position.X, position.Z)) : -1000;
        if (simulation.World.Water is { } water && water.Contains(position.X, position.Z) && simulation.Plan.Environment.Kind != "underwater")
            floor = MathF.Max(floor, water.Level);
        return position with { Y = MathF.Max(position.Y, floor + 0.15f) };
    }

    private static float Smooth(float t) => t * t * (3 - 2 * t);
}
