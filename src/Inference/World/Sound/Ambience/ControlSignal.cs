namespace Sora.Inference.World.Sound.Ambience;

/// <summary>Slow modulations are evaluated every <see cref="Step"/> samples on the absolute grid and held in between.</summary>
internal static class ControlSignal
{
    public const int Step = 32;

    /// <summary>True where a new control value is due: on the grid, or at the first sample of a render.</summary>
    public static bool IsDue(long absolute, int local) => local == 0 || absolute % Step == 0;

    /// <summary>Seconds at the grid point that governs sample <paramref name="absolute"/>.</summary>
    public static double GridSeconds(long absolute) =>
        (double)(absolute - ((absolute % Step) + Step) % Step) / AudioFormat.SampleRate;
}
