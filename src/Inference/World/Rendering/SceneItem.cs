namespace Sora.Inference.World.Rendering;

/// <summary>What a pixel shows: a body index (0 and up), the water mesh, or a part of the environment (negative codes).</summary>
internal static class SceneItem
{
    public const int Sky = -1;
    public const int Ground = -2;
    public const int Wall = -3;
    public const int Sea = -4;

    /// <summary>The floor of the basin under a water surface.</summary>
    public const int Bed = -5;
}
