using Sora.Inference.World.Planning;

namespace Sora.Inference.World.Simulation;

/// <summary>The ground: a flat plane at y = 0 with a pit under the water rectangle whose floor lies at -depth.</summary>
public sealed class Terrain(WaterSpec? water, string material, string footstepSurface, bool hasGround = true)
{
    public WaterSpec? Water { get; } = water;
    /// <summary>A Catalog material name, for impact sounds and friction.</summary>
    public string Material { get; } = material;
    /// <summary>What footsteps sound like here: grass, sand, wood, stone, snow.</summary>
    public string FootstepSurface { get; } = footstepSurface;
    public bool HasGround { get; } = hasGround;
    public float Restitution { get; } = (float)Catalog.Materials[material].Restitution;
    public float Friction { get; } = (float)Catalog.Materials[material].Friction;

    public float FloorAt(float x, float z)
    {
        if (!HasGround) return -1000;
        return IsOverWater(x, z) ? (float)(Water!.Level - Water.Depth) : 0;
    }

    public bool IsOverWater(float x, float z) =>
        Water is { } w && x > w.MinX && x < w.MaxX && z > w.MinZ && z < w.MaxZ;

    public static Terrain For(EnvironmentSpec environment) => environment.Kind switch
    {
        "beach" or "desert" or "underwater" => new Terrain(environment.Water, "sand", "sand"),
        "lake" or "forest" or "mountains" => new Terrain(environment.Water, "grass", "grass"),
        "street" or "city_night" => new Terrain(environment.Water, "stone", "stone"),
        "snow" => new Terrain(environment.Water, "snow", "snow"),
        "space" => new Terrain(environment.Water, "metal", "stone", hasGround: false),
        _ => new Terrain(environment.Water, "wood", "wood"),
    };
}
