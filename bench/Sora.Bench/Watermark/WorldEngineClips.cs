using Sora.Inference;
using Sora.Inference.World;
using Sora.Inference.World.Rendering;
using Sora.Inference.World.Sound;
using Sora.Media.Watermark;

namespace Sora.Bench.Watermark;

/// <summary>
/// Unmarked clips rendered by the World engine, which never marks (ProvenanceWriter does): real generated content,
/// varied by prompt and seed, so the false-positive measurement covers what Sora actually produces.
/// </summary>
internal sealed class WorldEngineClips : IUnmarkedClipSource
{
    private const int Fps = 24;
    private const double Seconds = 2;

    /// <summary>Every World environment at least once: the still, tiled indoor scenes are where the content's own pattern is strongest.</summary>
    private static readonly string[] Prompts =
    [
        "a red ball bounces on the beach",
        "a cat walks through a dark forest at night",
        "two birds fly over a snowy mountain",
        "a fish swims under water near a rock",
        "a dog runs across a sunny meadow",
        "rain falls on a quiet city street",
        "a boat drifts on a lake at sunset",
        "a child kicks a ball in a park",
        "a glass falls in the kitchen",
        "a cat sleeps in the room",
        "a ball rolls in the desert",
        "a ball rolls in the snowy winter",
        "a car drives through the city at night",
        "an astronaut floats in space",
    ];

    private readonly WorldEngine engine = new(new RasterRenderer(), new EventSoundSynthesizer());

    public string Name => "World engine (marks off)";

    public async IAsyncEnumerable<UnmarkedClip> ClipsAsync(int count, int width, int height, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        for (var i = 0; i < count; i++)
        {
            var prompt = Prompts[i % Prompts.Length];
            var seed = 20_000 + i;
            var request = new GenerationRequest(prompt, Seconds, width, height, Fps, seed) { ChunkFrames = 12 };
            var frames = new List<RgbFrame>(request.FrameCount);
            var audio = new List<float>();
            await foreach (var chunk in engine.GenerateAsync(request, ct))
            {
                for (var f = 0; f < chunk.FrameCount; f++) frames.Add(new RgbFrame(width, height, chunk.Frame(f).ToArray()));
                audio.AddRange(chunk.Audio.Span);
            }
            var pcm = new PcmBuffer(MediaChunk.SampleRate, MediaChunk.Channels, audio.ToArray());
            yield return new UnmarkedClip(Name, $"world-{seed}", Fps, frames, pcm);
        }
    }
}
