namespace Sora.Inference.World.Planning;

/// <summary>How a kind of entity looks and behaves when nothing else is said.</summary>
public sealed record EntityKind(
    string Name,
    Shape Shape,
    double SizeX, double SizeY, double SizeZ,
    string Color,
    string Material,
    Mobility Mobility = Mobility.Passive);

public enum Shape { Sphere, Box, Capsule, Figure, Quadruped, Hull }

public enum Mobility { Passive, Walker, Flyer, Swimmer, Vehicle, Static }

/// <summary>The closed vocabularies a plan may use; validation and the planner both read them.</summary>
public static class Catalog
{
    public static readonly IReadOnlyDictionary<string, EntityKind> Entities = new[]
    {
        new EntityKind("person", Shape.Figure, 0.5, 1.75, 0.3, "blue", "cloth", Mobility.Walker),
        new EntityKind("man", Shape.Figure, 0.5, 1.8, 0.3, "gray", "cloth", Mobility.Walker),
        new EntityKind("woman", Shape.Figure, 0.45, 1.68, 0.3, "red", "cloth", Mobility.Walker),
        new EntityKind("child", Shape.Figure, 0.35, 1.2, 0.25, "yellow", "cloth", Mobility.Walker),
        new EntityKind("robot", Shape.Figure, 0.6, 1.6, 0.4, "silver", "metal", Mobility.Walker),
        new EntityKind("dog", Shape.Quadruped, 0.3, 0.6, 0.9, "brown", "fur", Mobility.Walker),
        new EntityKind("cat", Shape.Quadruped, 0.2, 0.3, 0.5, "orange", "fur", Mobility.Walker),
        new EntityKind("horse", Shape.Quadruped, 0.6, 1.6, 2.2, "brown", "fur", Mobility.Walker),
        new EntityKind("cow", Shape.Quadruped, 0.8, 1.4, 2.0, "white", "fur", Mobility.Walker),
        new EntityKind("sheep", Shape.Quadruped, 0.6, 0.9, 1.2, "white", "fur", Mobility.Walker),
        new EntityKind("rabbit", Shape.Quadruped, 0.15, 0.25, 0.35, "gray", "fur", Mobility.Walker),
        new EntityKind("bird", Shape.Sphere, 0.2, 0.2, 0.2, "blue", "feather", Mobility.Flyer),
        new EntityKind("duck", Shape.Sphere, 0.3, 0.3, 0.3, "yellow", "feather", Mobility.Swimmer),
        new EntityKind("fish", Shape.Capsule, 0.15, 0.15, 0.5, "orange", "scales", Mobility.Swimmer),
        new EntityKind("car", Shape.Box, 1.8, 1.4, 4.2, "red", "metal", Mobility.Vehicle),
        new EntityKind("bus", Shape.Box, 2.5, 3.0, 10, "yellow", "metal", Mobility.Vehicle),
        new EntityKind("truck", Shape.Box, 2.4, 2.8, 7, "white", "metal", Mobility.Vehicle),
        new EntityKind("bicycle", Shape.Box, 0.5, 1.0, 1.7, "green", "metal", Mobility.Vehicle),
        new EntityKind("boat", Shape.Box, 1.5, 0.8, 4, "white", "wood", Mobility.Swimmer),
        new EntityKind("airplane", Shape.Capsule, 1.5, 1.5, 8, "white", "metal", Mobility.Flyer),
        new EntityKind("drone", Shape.Box, 0.5, 0.15, 0.5, "black", "plastic", Mobility.Flyer),
        new EntityKind("ball", Shape.Sphere, 0.22, 0.22, 0.22, "red", "rubber"),
        new EntityKind("balloon", Shape.Sphere, 0.35, 0.4, 0.35, "red", "rubber", Mobility.Flyer),
        new EntityKind("glass", Shape.Capsule, 0.08, 0.14, 0.08, "white", "glass"),
        new EntityKind("vase", Shape.Hull, 0.2, 0.35, 0.2, "blue", "ceramic"),
        new EntityKind("cup", Shape.Capsule, 0.09, 0.1, 0.09, "white", "ceramic"),
        new EntityKind("bottle", Shape.Capsule, 0.08, 0.3, 0.08, "green", "glass"),
        new EntityKind("plate", Shape.Box, 0.26, 0.03, 0.26, "white", "ceramic"),
        new EntityKind("chair", Shape.Box, 0.5, 0.9, 0.5, "brown", "wood"),
        new EntityKind("table", Shape.Box, 1.4, 0.75, 0.8, "brown", "wood", Mobility.Static),
        new EntityKind("box", Shape.Box, 0.4, 0.4, 0.4, "brown", "cardboard"),
        new EntityKind("crate", Shape.Box, 0.6, 0.6, 0.6, "brown", "wood"),
        new EntityKind("cube", Shape.Box, 0.3, 0.3, 0.3, "red", "wood"),
        new EntityKind("barrel", Shape.Capsule, 0.6, 0.9, 0.6, "brown", "wood"),
        new EntityKind("book", Shape.Box, 0.2, 0.04, 0.28, "red", "paper"),
        new EntityKind("lamp", Shape.Capsule, 0.3, 1.5, 0.3, "white", "metal", Mobility.Static),
        new EntityKind("tree", Shape.Capsule, 1.6, 5, 1.6, "green", "wood", Mobility.Static),
        new EntityKind("bush", Shape.Sphere, 1.0, 0.8, 1.0, "green", "leaves", Mobility.Static),
        new EntityKind("flower", Shape.Sphere, 0.15, 0.3, 0.15, "pink", "leaves", Mobility.Static),
        new EntityKind("rock", Shape.Hull, 0.8, 0.6, 0.7, "gray", "stone"),
        new EntityKind("stone", Shape.Hull, 0.25, 0.2, 0.22, "gray", "stone"),
        new EntityKind("apple", Shape.Sphere, 0.08, 0.08, 0.08, "red", "fruit"),
        new EntityKind("orange", Shape.Sphere, 0.09, 0.09, 0.09, "orange", "fruit"),
        new EntityKind("cake", Shape.Capsule, 0.3, 0.15, 0.3, "pink", "food"),
        new EntityKind("bench", Shape.Box, 1.6, 0.5, 0.45, "brown", "wood", Mobility.Static),
        new EntityKind("umbrella", Shape.Capsule, 1.0, 1.9, 1.0, "red", "cloth", Mobility.Static),
        new EntityKind("kite", Shape.Box, 0.8, 0.05, 0.8, "yellow", "cloth", Mobility.Flyer),
        new EntityKind("snowman", Shape.Sphere, 0.7, 1.5, 0.7, "white", "snow", Mobility.Static),
        new EntityKind("guitar", Shape.Box, 0.35, 1.0, 0.1, "brown", "wood"),
        new EntityKind("pot", Shape.Capsule, 0.25, 0.2, 0.25, "silver", "metal"),
    }.ToDictionary(kind => kind.Name);

    public static readonly IReadOnlyDictionary<string, double[]> Colors = new Dictionary<string, double[]>
    {
        ["red"] = [0.75, 0.08, 0.06], ["green"] = [0.12, 0.5, 0.12], ["blue"] = [0.08, 0.2, 0.75],
        ["yellow"] = [0.9, 0.75, 0.1], ["orange"] = [0.9, 0.4, 0.05], ["purple"] = [0.4, 0.1, 0.55],
        ["pink"] = [0.9, 0.45, 0.6], ["brown"] = [0.38, 0.22, 0.1], ["black"] = [0.04, 0.04, 0.04],
        ["white"] = [0.88, 0.88, 0.86], ["gray"] = [0.45, 0.45, 0.47], ["silver"] = [0.7, 0.72, 0.75],
        ["gold"] = [0.85, 0.65, 0.2], ["turquoise"] = [0.1, 0.7, 0.65],
    };

    /// <summary>Restitution, friction, density (kg/m³) and an impact speed (m/s) above which the body shatters (0 = never).</summary>
    public sealed record MaterialInfo(double Restitution, double Friction, double Density, double ShatterSpeed);

    public static readonly IReadOnlyDictionary<string, MaterialInfo> Materials = new Dictionary<string, MaterialInfo>
    {
        ["rubber"] = new(0.8, 0.9, 300, 0), ["wood"] = new(0.45, 0.5, 600, 0), ["metal"] = new(0.35, 0.35, 2500, 0),
        ["glass"] = new(0.3, 0.3, 600, 2.5), ["ceramic"] = new(0.3, 0.4, 700, 2.5), ["stone"] = new(0.25, 0.6, 2600, 0),
        ["plastic"] = new(0.5, 0.4, 900, 0), ["cardboard"] = new(0.2, 0.6, 150, 0), ["paper"] = new(0.1, 0.6, 700, 0),
        ["cloth"] = new(0.1, 0.7, 1000, 0), ["fur"] = new(0.1, 0.7, 1000, 0), ["feather"] = new(0.1, 0.7, 300, 0),
        ["scales"] = new(0.1, 0.3, 1050, 0), ["fruit"] = new(0.3, 0.6, 850, 0), ["food"] = new(0.05, 0.8, 700, 0),
        ["leaves"] = new(0.1, 0.8, 300, 0), ["snow"] = new(0.05, 0.3, 400, 0), ["ice"] = new(0.2, 0.03, 900, 0),
        ["sand"] = new(0.05, 0.7, 1600, 0), ["grass"] = new(0.15, 0.6, 1200, 0),
    };

    public static readonly IReadOnlyList<string> Environments =
        ["beach", "lake", "street", "forest", "kitchen", "room", "desert", "snow", "mountains", "city_night", "space", "underwater"];

    public static readonly IReadOnlyList<string> TimesOfDay = ["dawn", "day", "sunset", "night"];
    public static readonly IReadOnlyList<string> Weathers = ["clear", "cloudy", "rain", "snow", "fog"];

    public static readonly IReadOnlyList<string> Styles =
        ["cinematic", "anime", "cartoon", "claymation", "watercolor", "pixel_art", "noir", "sketch"];

    public static readonly IReadOnlyList<string> CameraKinds =
        ["wide", "close_up", "tracking", "orbit", "dolly_in", "drone", "handheld", "low_angle", "pov", "slow_motion"];

    public static readonly IReadOnlyList<string> Actions =
    [
        "idle", "walk_to", "run_to", "jump", "jump_into", "fall", "bounce", "roll", "throw", "catch", "pour",
        "knock_over", "drive", "fly", "swim", "dance", "wave", "sit", "push", "kick", "spin", "stack", "slide",
        "splash", "explode", "shatter",
    ];

    public static readonly IReadOnlyList<string> AmbienceBeds = ["surf", "wind", "city", "rain", "birds", "room", "space", "underwater", "forest", "crickets"];
}
