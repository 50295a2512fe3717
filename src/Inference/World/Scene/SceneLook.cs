namespace Sora.Inference.World.Scene;

/// <summary>What stays fixed for a whole video: where, when, the weather and the style. Values are the Catalog names.</summary>
public sealed record SceneLook(
    string Environment,
    string TimeOfDay,
    string Weather,
    string Style,
    int Width,
    int Height,
    int Fps);
