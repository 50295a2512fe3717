namespace Sora.Inference.World.Sound.Voices;

/// <summary>
/// How a material sounds when struck: its modal frequencies (a fundamental and inharmonic ratios), how long
/// the modes ring (T60 of the fundamental, higher modes die faster), how hard it is (the contact's excitation
/// bandwidth), the click of the contact itself and how loud it radiates.
/// </summary>
internal sealed record MaterialAcoustics(
    double Fundamental,
    double[] Ratios,
    double[] Weights,
    double RingSeconds,
    double HighModeDamping,
    double HardnessHz,
    double ClickMs,
    double ClickLevel,
    double Loudness)
{
    private static readonly MaterialAcoustics Glass = new(1800, [1, 2.32, 4.25, 6.63, 9.38, 12.1], [1, 0.8, 0.6, 0.4, 0.3, 0.2], 1.8, 0.25, 9000, 1.2, 0.25, 0.9);
    private static readonly MaterialAcoustics Metal = new(420, [1, 1.594, 2.136, 2.653, 2.918, 3.501, 4.06, 4.603, 5.12, 5.94, 6.72],
        [1, 0.9, 0.8, 0.75, 0.7, 0.6, 0.5, 0.45, 0.4, 0.35, 0.3], 2.4, 0.15, 7000, 1.5, 0.3, 1.0);
    private static readonly MaterialAcoustics Wood = new(280, [1, 2.76, 5.40, 8.93, 13.34], [1, 0.6, 0.35, 0.2, 0.1], 0.09, 0.8, 3500, 4, 0.6, 0.8);
    private static readonly MaterialAcoustics Ceramic = new(1100, [1, 2.1, 3.6, 5.3, 7.4], [1, 0.7, 0.5, 0.35, 0.2], 0.5, 0.4, 8000, 1.5, 0.35, 0.85);
    private static readonly MaterialAcoustics Stone = new(2200, [1, 1.7, 2.6, 3.9, 5.1, 6.6], [1, 0.9, 0.8, 0.6, 0.5, 0.4], 0.035, 0.5, 10000, 2.5, 0.9, 0.8);
    private static readonly MaterialAcoustics Rubber = new(110, [1, 1.9, 3.1], [1, 0.3, 0.1], 0.07, 1.0, 600, 8, 0.25, 0.7);
    private static readonly MaterialAcoustics Plastic = new(650, [1, 2.2, 3.9, 6.1], [1, 0.6, 0.35, 0.2], 0.12, 0.6, 4000, 3, 0.5, 0.7);
    private static readonly MaterialAcoustics Cardboard = new(190, [1, 2.3, 3.7], [1, 0.5, 0.3], 0.045, 1.0, 1800, 10, 0.9, 0.6);
    private static readonly MaterialAcoustics Paper = new(300, [1, 2.6], [0.4, 0.2], 0.02, 1.0, 2500, 12, 1.0, 0.35);
    private static readonly MaterialAcoustics Cloth = new(80, [1, 1.8], [1, 0.3], 0.04, 1.0, 350, 15, 0.35, 0.4);
    private static readonly MaterialAcoustics Fur = new(90, [1, 1.8], [1, 0.3], 0.04, 1.0, 380, 14, 0.3, 0.4);
    private static readonly MaterialAcoustics Feather = new(120, [1, 2.0], [1, 0.2], 0.03, 1.0, 400, 12, 0.3, 0.25);
    private static readonly MaterialAcoustics Flesh = new(140, [1, 2.2], [1, 0.3], 0.05, 1.0, 900, 6, 0.3, 0.45);
    private static readonly MaterialAcoustics Fruit = new(180, [1, 2.4], [1, 0.3], 0.05, 1.0, 1200, 6, 0.35, 0.5);
    private static readonly MaterialAcoustics Food = new(120, [1, 2.0], [1, 0.2], 0.04, 1.0, 600, 8, 0.3, 0.4);
    private static readonly MaterialAcoustics Leaves = new(250, [1, 2.5], [0.3, 0.1], 0.02, 1.0, 3000, 30, 1.0, 0.35);
    private static readonly MaterialAcoustics Snow = new(100, [1, 2.0], [0.6, 0.2], 0.03, 1.0, 1500, 25, 1.0, 0.35);
    private static readonly MaterialAcoustics Sand = new(120, [1, 2.0], [0.6, 0.2], 0.03, 1.0, 2500, 20, 1.0, 0.4);
    private static readonly MaterialAcoustics Ice = new(1400, [1, 2.4, 4.3, 6.8], [1, 0.6, 0.4, 0.25], 0.35, 0.4, 9000, 2, 0.4, 0.8);
    private static readonly MaterialAcoustics Earth = new(90, [1, 1.7, 2.9], [1, 0.4, 0.2], 0.05, 1.0, 900, 8, 0.5, 0.6);
    private static readonly MaterialAcoustics Water = new(200, [1, 1.6], [0.5, 0.2], 0.03, 1.0, 800, 20, 0.8, 0.4);

    private static readonly Dictionary<string, MaterialAcoustics> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["glass"] = Glass, ["metal"] = Metal, ["wood"] = Wood, ["ceramic"] = Ceramic, ["stone"] = Stone,
        ["rubber"] = Rubber, ["plastic"] = Plastic, ["cardboard"] = Cardboard, ["paper"] = Paper, ["cloth"] = Cloth,
        ["fur"] = Fur, ["feather"] = Feather, ["scales"] = Flesh, ["fruit"] = Fruit, ["food"] = Food,
        ["leaves"] = Leaves, ["snow"] = Snow, ["ice"] = Ice, ["sand"] = Sand, ["grass"] = Leaves, ["water"] = Water,
        // Ground names a simulation may use for the floor of an environment.
        ["concrete"] = Stone, ["asphalt"] = Stone, ["tile"] = Ceramic, ["floor"] = Wood, ["ground"] = Earth,
        ["dirt"] = Earth, ["soil"] = Earth, ["earth"] = Earth, ["mud"] = Earth, ["rock"] = Stone,
    };

    /// <summary>The acoustics of a Catalog material or ground surface; unknown names sound like plastic rather than failing mid-video.</summary>
    public static MaterialAcoustics Of(string? material) =>
        material is not null && ByName.TryGetValue(material, out var acoustics) ? acoustics : Plastic;
}
