using Sora.Media.Encoding;
using Sora.Media.Watermark;

namespace Sora.Bench.Watermark;

/// <summary>One unmarked clip for the false-positive measurement: frames of one size, and its sound (48 kHz stereo).</summary>
internal sealed record UnmarkedClip(string Source, string Name, int Fps, IReadOnlyList<RgbFrame> Frames, PcmBuffer Audio);

/// <summary>Where unmarked clips come from. Each source yields deterministic clips; the benchmark spreads its budget over all sources.</summary>
internal interface IUnmarkedClipSource
{
    string Name { get; }
    IAsyncEnumerable<UnmarkedClip> ClipsAsync(int count, int width, int height, CancellationToken ct);
}

/// <summary>The sources the false-positive measurement draws from.</summary>
internal static class UnmarkedClipSources
{
    public static IReadOnlyList<IUnmarkedClipSource> All { get; } = [new WorldEngineClips(), new SyntheticUnmarkedClips()];
}

/// <summary>Synthetic clips cycling through noise, gradients and moving shapes, each kind with its own sound.</summary>
internal sealed class SyntheticUnmarkedClips : IUnmarkedClipSource
{
    private const int Fps = 24;
    private const double Seconds = 2;

    public string Name => "synthetic (noise, gradients, moving shapes)";

    public async IAsyncEnumerable<UnmarkedClip> ClipsAsync(int count, int width, int height, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var kinds = Enum.GetValues<SyntheticClip.Kind>();
        for (var i = 0; i < count; i++)
        {
            ct.ThrowIfCancellationRequested();
            await Task.Yield();
            var kind = kinds[i % kinds.Length];
            var seed = 10_000 + i;
            var frames = Enumerable.Range(0, (int)(Fps * Seconds)).Select(f => SyntheticClip.Frame(kind, seed, f, width, height)).ToList();
            var audio = SyntheticAudio.Create(seed, 6);
            if (kind == SyntheticClip.Kind.Noise) AddNoise(audio, seed);
            yield return new UnmarkedClip(Name, $"{kind.ToString().ToLowerInvariant()}-{seed}", Fps, frames, audio);
        }
    }

    private static void AddNoise(PcmBuffer audio, int seed)
    {
        var random = new Random(seed);
        var samples = audio.Samples.Span;
        for (var i = 0; i < samples.Length; i++) samples[i] += (float)(random.NextDouble() - 0.5) * 0.2f;
    }
}
