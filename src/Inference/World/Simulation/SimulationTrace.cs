using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Sora.Inference.World.Scene;

namespace Sora.Inference.World.Simulation;

/// <summary>
/// What the simulation did, frame by frame: every body's pose, whether the camera sees it and what it
/// touches, plus every event. Written by <c>--trace-out</c> so that physics can be checked from outside.
/// </summary>
public sealed class SimulationTrace
{
    public int Version { get; init; } = 1;
    public int Fps { get; set; }
    public int StepsPerSecond { get; init; } = PhysicsSettings.StepsPerSecond;
    public List<TraceEntity> Entities { get; init; } = [];
    public List<TraceFrame> Frames { get; init; } = [];
    public List<TraceEvent> Events { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static SimulationTrace FromJson(string json) =>
        JsonSerializer.Deserialize<SimulationTrace>(json, Json) ?? throw new JsonException("empty trace");

    /// <summary>Records the simulation as it is now, as video frame <paramref name="frame"/> seen by <paramref name="camera"/>.</summary>
    public void Capture(SceneSimulation simulation, int frame, double videoTime, CameraPose camera, float aspect)
    {
        var world = simulation.World;
        if (Entities.Count == 0)
            Entities.AddRange(simulation.Plan.Entities.Select(e => new TraceEntity(e.Id, e.Kind, e.Material)));
        var touching = new Dictionary<int, SortedSet<string>>();
        foreach (var (a, b) in world.Touching)
        {
            var other = b switch { -1 => "ground", -2 => "water", _ => world.Bodies[b].EntityId };
            Add(a, other);
            if (b >= 0) Add(b, world.Bodies[a].EntityId);
        }
        var parts = new Dictionary<int, int>();
        var bodies = new List<TraceBody>();
        foreach (var body in world.Bodies)
        {
            if (body.Removed) continue;
            var part = body.IsFragment ? parts[body.Entity] = parts.GetValueOrDefault(body.Entity) + 1 : 0;
            bodies.Add(new TraceBody(
                body.EntityId, part,
                [body.Position.X, body.Position.Y, body.Position.Z],
                [body.Rotation.X, body.Rotation.Y, body.Rotation.Z, body.Rotation.W],
                Sees(camera, aspect, body.Position, body.BoundingRadius),
                touching.TryGetValue(body.Index, out var set) ? [.. set] : []));
        }
        Frames.Add(new TraceFrame(frame, videoTime, world.Time, bodies));

        void Add(int index, string other)
        {
            if (!touching.TryGetValue(index, out var set)) touching[index] = set = new SortedSet<string>(StringComparer.Ordinal);
            set.Add(other);
        }
    }

    /// <summary>Whether any part of a sphere around <paramref name="centre"/> falls inside the camera's view.</summary>
    public static bool Sees(CameraPose camera, float aspect, Vector3 centre, float radius)
    {
        var forward = Vector3.Normalize(camera.Target - camera.Position);
        var toBody = centre - camera.Position;
        var depth = Vector3.Dot(toBody, forward);
        if (depth + radius <= 0.05f) return false;
        var right = Vector3.Normalize(Vector3.Cross(forward, Vector3.UnitY));
        if (float.IsNaN(right.X)) right = Vector3.UnitX;
        var up = Vector3.Cross(right, forward);
        var halfHeight = MathF.Tan(camera.FovDegrees * MathF.PI / 360) * MathF.Max(depth, 0.05f);
        var halfWidth = halfHeight * aspect;
        return MathF.Abs(Vector3.Dot(toBody, right)) <= halfWidth + radius && MathF.Abs(Vector3.Dot(toBody, up)) <= halfHeight + radius;
    }
}

public sealed record TraceEntity(string Id, string Kind, string Material);

public sealed record TraceFrame(int Frame, double Time, double SimTime, List<TraceBody> Bodies);

/// <summary>One body at one frame; <see cref="Part"/> is 0 for a whole entity and 1.. for its fragments.</summary>
public sealed record TraceBody(string Entity, int Part, float[] Position, float[] Orientation, bool Visible, string[] Contacts);

/// <summary>An event at video time <see cref="Time"/> (and simulated time <see cref="SimTime"/>).</summary>
public sealed record TraceEvent(double Time, double SimTime, string Kind, string Entity, string? Other, float[] Position, float Value);
