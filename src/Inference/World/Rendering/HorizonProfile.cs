namespace Sora.Inference.World.Rendering;

/// <summary>
/// Heights of an environment's horizon silhouettes (mountain ridges, tree line, dunes) tabulated over
/// the azimuth once per process, so the sky costs a table lookup per pixel instead of fractal noise.
/// </summary>
internal sealed class HorizonProfile
{
    public const int Bins = 4096;
    private static readonly HorizonProfile Shared = new();

    public readonly float[] FarRidge = new float[Bins];
    public readonly float[] NearRidge = new float[Bins];
    public readonly float[] Trees = new float[Bins];
    public readonly float[] Dunes = new float[Bins];

    /// <summary>The tallest entry of each table: a bound above which no silhouette can reach.</summary>
    public readonly float MaxFarRidge, MaxNearRidge, MaxTrees, MaxDunes;

    private HorizonProfile()
    {
        for (var i = 0; i < Bins; i++)
        {
            var azimuth = (i + 0.5f) / Bins * MathF.Tau - MathF.PI;
            FarRidge[i] = Ridge(azimuth * 2.1f, 3);
            NearRidge[i] = Ridge(azimuth * 3.7f + 5, 41);
            var cones = azimuth * 60;
            var cell = MathF.Floor(cones);
            var tooth = 1 - MathF.Abs(cones - cell - 0.5f) * 2;
            Trees[i] = tooth * (0.025f + 0.03f * Noise.Hash01((int)cell, 3, 23)) + 0.015f * Noise.Value(azimuth * 8, 1, 7);
            Dunes[i] = 0.012f + 0.05f * Noise.Fbm(azimuth * 3, 0.5f, 2, 17);
        }
        MaxFarRidge = FarRidge.Max();
        MaxNearRidge = NearRidge.Max();
        MaxTrees = Trees.Max();
        MaxDunes = Dunes.Max();
    }

    public static HorizonProfile Instance => Shared;

    /// <summary>The table index of an azimuth in [-π, π].</summary>
    public static int Bin(float azimuth) => Math.Clamp((int)((azimuth + MathF.PI) * (Bins / MathF.Tau)), 0, Bins - 1);

    private static float Ridge(float x, int seed)
    {
        var n = Noise.Fbm(x, 0.37f * seed, 4, seed);
        return n * n * 1.6f;
    }
}
