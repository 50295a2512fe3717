namespace Sora.Inference.World.Simulation;

/// <summary>The fixed constants of the simulation; one place so tests and the engine agree.</summary>
public static class PhysicsSettings
{
    public const int StepsPerSecond = 240;
    public const float Step = 1f / StepsPerSecond;
    public const float Gravity = 9.81f;
    public const int VelocityIterations = 12;
    public const int PositionIterations = 4;

    /// <summary>Penetration tolerated before position correction pushes bodies apart.</summary>
    public const float Slop = 0.002f;

    /// <summary>Contacts are created this far before touching (speculative contacts keep fast bodies from tunnelling).</summary>
    public const float ContactMargin = 0.02f;

    /// <summary>Approach speeds below this do not bounce; resting contacts stay quiet.</summary>
    public const float BounceThreshold = 0.4f;

    /// <summary>Impacts with a normal impulse below this (N·s) make no sound.</summary>
    public const float ImpactSoundImpulse = 0.02f;
    public const float ImpactSoundSpeed = 0.5f;

    public const float SleepLinearSpeed = 0.04f;
    public const float SleepAngularSpeed = 0.08f;
    public const float SleepDelay = 0.4f;

    public const float WaterDensity = 1000f;
}
