using System.Numerics;
using Sora.Inference.World.Scene;
using Sora.Inference.World.Sound.Dsp;

namespace Sora.Inference.World.Sound.Voices;

/// <summary>
/// A stable random key for one event under one seed. string.GetHashCode is randomised per process, so the
/// event's fields are hashed by hand: the same event must sound the same in every run.
/// </summary>
internal static class EventKey
{
    public static ulong Of(SoundEvent soundEvent, long seed)
    {
        var key = NoiseHash.Combine((ulong)seed, (ulong)BitConverter.DoubleToInt64Bits(soundEvent.Time));
        key = Mix(key, soundEvent.Position);
        key = soundEvent switch
        {
            ImpactSound impact => Text(Text(NoiseHash.Combine(key, BitConverter.SingleToUInt32Bits(impact.Impulse)), impact.MaterialA), impact.MaterialB),
            ShatterSound shatter => Text(NoiseHash.Combine(key, BitConverter.SingleToUInt32Bits(shatter.Energy)), shatter.Material),
            SplashSound splash => NoiseHash.Combine(NoiseHash.Combine(key, BitConverter.SingleToUInt32Bits(splash.Speed)), BitConverter.SingleToUInt32Bits(splash.Mass)),
            FootstepSound step => Text(NoiseHash.Combine(key, BitConverter.SingleToUInt32Bits(step.Mass)), step.Surface),
            EngineSound engine => Text(NoiseHash.Combine(key, (ulong)engine.EntityId), engine.Kind),
            SpeechSound speech => Text(Text(NoiseHash.Combine(key, (ulong)speech.EntityId), speech.Text), speech.Language),
            _ => key,
        };
        return key;
    }

    private static ulong Mix(ulong key, Vector3 position) =>
        NoiseHash.Combine(NoiseHash.Combine(NoiseHash.Combine(key, BitConverter.SingleToUInt32Bits(position.X)),
            BitConverter.SingleToUInt32Bits(position.Y)), BitConverter.SingleToUInt32Bits(position.Z));

    private static ulong Text(ulong key, string? text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text ?? "") hash = (hash ^ c) * 1099511628211UL;
        return NoiseHash.Combine(key, hash);
    }
}
