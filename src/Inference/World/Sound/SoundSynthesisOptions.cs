namespace Sora.Inference.World.Sound;

/// <summary>Levels and tools of <see cref="EventSoundSynthesizer"/>; the defaults are what the World engine uses.</summary>
public sealed record SoundSynthesisOptions
{
    /// <summary>Linear gain of the environment's ambience bed.</summary>
    public float AmbienceGain { get; init; } = 1f;

    /// <summary>Linear gain of event sounds (impacts, shatters, splashes, footsteps, engines).</summary>
    public float EffectsGain { get; init; } = 1f;

    /// <summary>Linear gain of speech.</summary>
    public float SpeechGain { get; init; } = 1f;

    /// <summary>The espeak-ng executable (a name on PATH or a full path).</summary>
    public string EspeakProgram { get; init; } = "espeak-ng";
}
