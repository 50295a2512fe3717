namespace Sora.Inference.World.Sound.Speech;

/// <summary>Speech was asked for but the espeak-ng program is not installed.</summary>
public sealed class SpeechEngineMissingException(string program, Exception? inner = null)
    : InvalidOperationException(
        $"Speech needs the '{program}' program, which was not found. Install it with 'sudo apt-get install espeak-ng' (Debian/Ubuntu package 'espeak-ng').",
        inner);
