using Sora.Abstractions.Errors;
using Sora.Abstractions.Generation;
using Sora.Inference;
using Sora.Inference.World;
using Sora.Inference.World.Rendering;
using Sora.Inference.World.Sound;

namespace Sora.Silo.Generation;

/// <summary>The engines this silo can run, by kind, with the name and version the C2PA manifest records.</summary>
public sealed class EngineCatalog
{
    public const string WorldName = "sora-world";

    public static string WorldVersion { get; } = typeof(WorldEngine).Assembly.GetName().Version?.ToString(3) ?? "0.1.0";

    /// <summary>A fresh engine per job: engines keep per-run scratch buffers and are not shared between jobs.</summary>
    public (IVideoEngine Engine, string Name, string Version) Create(EngineKind kind) => kind switch
    {
        EngineKind.World => (new WorldEngine(new RasterRenderer(), new EventSoundSynthesizer()), WorldName, WorldVersion),
        _ => throw new DomainException("ENGINE_UNAVAILABLE", $"the {kind} engine is not installed on this silo (no model is configured)"),
    };
}
