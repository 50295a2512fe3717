namespace Sora.Inference.World.Sound.Voices;

/// <summary>One damped sinusoid of a modal bank: frequency (Hz), initial amplitude and the time to fall by 60 dB.</summary>
internal readonly record struct Mode(double Frequency, double Amplitude, double T60);
