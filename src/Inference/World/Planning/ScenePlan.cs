namespace Sora.Inference.World.Planning;

/// <summary>The editable, versioned description of one scene; see docs/scene-plan.md.</summary>
public sealed record ScenePlan
{
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;
    public string Prompt { get; init; } = "";
    public EnvironmentSpec Environment { get; init; } = new();
    public string Style { get; init; } = "cinematic";
    public List<CameraShot> Camera { get; init; } = [];
    public List<EntitySpec> Entities { get; init; } = [];
    public List<ActionSpec> Actions { get; init; } = [];
    public List<SpeechLine> Speech { get; init; } = [];
    public List<string> Ambience { get; init; } = [];
    public List<string> Warnings { get; init; } = [];
}

/// <summary>Where and when the scene happens.</summary>
public sealed record EnvironmentSpec
{
    public string Kind { get; init; } = "room";
    public string TimeOfDay { get; init; } = "day";
    public string Weather { get; init; } = "clear";
    /// <summary>A rectangle of water on the ground, or null.</summary>
    public WaterSpec? Water { get; init; }
}

/// <summary>An axis-aligned pool of water whose surface lies at <see cref="Level"/>.</summary>
public sealed record WaterSpec(double MinX, double MinZ, double MaxX, double MaxZ, double Level = 0, double Depth = 2);

/// <summary>A camera shot: how it frames its subject during [Start, Start+Duration).</summary>
public sealed record CameraShot(string Kind, double Start, double Duration, string? Subject = null);

/// <summary>One object or being of the scene; sizes are metres, colours linear RGB 0..1.</summary>
public sealed record EntitySpec(
    string Id,
    string Kind,
    double[] Size,
    double[] Color,
    string Material,
    double[] Position)
{
    public double Yaw { get; init; }
}

/// <summary>Something an entity does from <see cref="Start"/> for <see cref="Duration"/> seconds.</summary>
public sealed record ActionSpec(string Kind, string Actor, double Start, double Duration, string? Target = null);

/// <summary>A line spoken by an entity.</summary>
public sealed record SpeechLine(string Speaker, string Text, double Start);
