using System.Numerics;

namespace Sora.Inference.World.Scene;

/// <summary>Something the simulation did that makes a sound, at a time in seconds from the start of the video.</summary>
public abstract record SoundEvent(double Time, Vector3 Position);

/// <summary>Two bodies hit each other; <see cref="Impulse"/> in N·s, materials are Catalog material names.</summary>
public sealed record ImpactSound(double Time, Vector3 Position, string MaterialA, string MaterialB, float Impulse) : SoundEvent(Time, Position);

/// <summary>A breakable body shattered into fragments.</summary>
public sealed record ShatterSound(double Time, Vector3 Position, string Material, float Energy) : SoundEvent(Time, Position);

/// <summary>A body entered (or hit) water with the given vertical speed (m/s) and mass (kg).</summary>
public sealed record SplashSound(double Time, Vector3 Position, float Speed, float Mass) : SoundEvent(Time, Position);

/// <summary>A walker's foot touched the ground; surface is what the ground is made of (grass, sand, wood, stone, snow, water).</summary>
public sealed record FootstepSound(double Time, Vector3 Position, string Surface, float Mass) : SoundEvent(Time, Position);

/// <summary>
/// A moving machine (car, drone, airplane) running from <see cref="SoundEvent.Time"/> for <see cref="Duration"/> seconds.
/// Optional <see cref="Velocity"/> (m/s, video time): the source moves from <see cref="SoundEvent.Position"/> along it while running.
/// </summary>
public sealed record EngineSound(double Time, Vector3 Position, double Duration, string Kind, int EntityId, Vector3 Velocity = default) : SoundEvent(Time, Position);

/// <summary>An entity says <see cref="Text"/> (language "en" or "de"), starting at <see cref="SoundEvent.Time"/>.</summary>
public sealed record SpeechSound(double Time, Vector3 Position, string Text, string Language, int EntityId) : SoundEvent(Time, Position);
