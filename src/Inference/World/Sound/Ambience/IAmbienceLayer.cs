namespace Sora.Inference.World.Sound.Ambience;

/// <summary>
/// One strand of an environment's background sound. Rendering adds into the two channels the absolute samples
/// [start, start + left.Length): filters start empty at <c>start</c>, everything else (noise, modulation,
/// scheduled calls) is a function of the absolute sample index, so two renders that overlap agree once the
/// filters have settled.
/// </summary>
internal interface IAmbienceLayer
{
    void Render(long start, Span<float> left, Span<float> right);
}
