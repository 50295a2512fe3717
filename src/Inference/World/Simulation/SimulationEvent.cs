using System.Numerics;

namespace Sora.Inference.World.Simulation;

/// <summary>What happened in the simulation at a time (seconds): impact, shatter, explode, splash, push, footstep, speech, engine.</summary>
public sealed record SimulationEvent(double Time, string Kind, string Entity, string? Other, Vector3 Position, float Value)
{
    /// <summary>Events that are allowed to change the set of bodies (fragments appear, the whole disappears).</summary>
    public bool ChangesBodies => Kind is "shatter" or "explode";

    /// <summary>Events that put energy into passive bodies on purpose (a script, not physics).</summary>
    public bool IsScripted => Kind is "push" or "explode" or "release";
}
