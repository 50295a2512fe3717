namespace Sora.Inference.World.Rendering;

/// <summary>The twelve Catalog environments, parsed once per frame so that per-pixel code switches on an enum.</summary>
internal enum EnvironmentKind { Beach, Lake, Street, Forest, Kitchen, Room, Desert, Snow, Mountains, CityNight, Space, Underwater }

internal static class EnvironmentKinds
{
    public static EnvironmentKind Parse(string name) => name switch
    {
        "beach" => EnvironmentKind.Beach,
        "lake" => EnvironmentKind.Lake,
        "street" => EnvironmentKind.Street,
        "forest" => EnvironmentKind.Forest,
        "kitchen" => EnvironmentKind.Kitchen,
        "room" => EnvironmentKind.Room,
        "desert" => EnvironmentKind.Desert,
        "snow" => EnvironmentKind.Snow,
        "mountains" => EnvironmentKind.Mountains,
        "city_night" => EnvironmentKind.CityNight,
        "space" => EnvironmentKind.Space,
        "underwater" => EnvironmentKind.Underwater,
        _ => throw new ArgumentException($"Unknown environment '{name}'; expected one of: beach, lake, street, forest, kitchen, room, desert, snow, mountains, city_night, space, underwater.", nameof(name)),
    };
}
