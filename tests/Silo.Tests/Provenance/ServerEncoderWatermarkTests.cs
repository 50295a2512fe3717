using System.Collections.Concurrent;
using Sora.Abstractions.Generation;
using Sora.Inference;
using Sora.Media.Encoding;
using Sora.Media.Provenance;
using Sora.Silo.Generation;
using Sora.Silo.Media;
using Xunit.Abstractions;

namespace Sora.Silo.Tests.Provenance;

/// <summary>
/// The server encodes once, fast (<see cref="MediaGenerationOptions"/>: ultrafast at x264's default CRF), where
/// <c>sora generate</c> takes veryfast at CRF 20: the invisible mark must still read in the scenes that hide it best,
/// at the sizes that hold the fewest copies of its tile (see <see cref="SupportedSizeWatermarkTests"/>), chunked and
/// encoded exactly as a server job is, and read by <c>sora verify</c>'s verifier.
/// </summary>
public sealed class ServerEncoderWatermarkTests(ITestOutputHelper output) : IDisposable
{
    private const double Seconds = 2;
    private const int Fps = 24;
    private readonly string directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "sora-server-mark-tests", Guid.NewGuid().ToString("N")[..8])).FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static readonly (int Width, int Height, string Environment)[] Clips =
    [
        (640, 360, "underwater"),
        (640, 360, "kitchen"),
        (360, 640, "room"),
        (480, 480, "underwater"),
    ];

    [Fact]
    public async Task The_servers_encoder_keeps_the_video_mark_readable_in_the_hardest_scenes()
    {
        var options = new MediaGenerationOptions { ScratchDirectory = directory };
        using var engines = new EngineCatalog(new OnnxEngineOptions(ModelFolder: null));
        using var credentials = SigningCredentials.LoadOrCreate(Path.Combine(directory, "data"));
        var results = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Clips, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (clip, ct) =>
        {
            var name = $"{clip.Width}x{clip.Height}-{clip.Environment}";
            var video = Path.Combine(directory, name + ".mp4");
            var prompt = SupportedSizeWatermarkTests.Hardest.Single(h => h.Environment == clip.Environment).Prompt;
            using var lease = engines.Create(EngineKind.World, new DeviceSlot("silo", DeviceKind.Cpu, 0));
            var (engine, engineName, engineVersion) = (lease.Engine, lease.Name, lease.Version);
            var request = new GenerationRequest(prompt, Seconds, clip.Width, clip.Height, Fps, Seed: 0)
            {
                ChunkFrames = options.FramesPerChunk,
                FirstChunkFrames = options.FirstChunkFrames,
            };
            var provenance = new ProvenanceRequest(name, 0x0001, "@local", clip.Width, clip.Height, Fps,
                new ManifestDefinition { Title = name, Generation = new GenerationInfo(engineName, engineVersion, 0, "sha256:none") });
            await new ProvenanceWriter(credentials).WriteAsync(engine.GenerateAsync(request, ct).AsFrameChunks(ct), provenance, video, async (marked, settings, unsigned, token) =>
            {
                await using var encoder = FragmentedMp4EncoderProcess.Start(options.Encoder(settings), options.FirstChunkFrames, options.FramesPerChunk, unsigned);
                await encoder.EncodeAsync(marked, (_, _) => ValueTask.CompletedTask, token);
            }, ct: ct);
            results.Add(await SupportedSizeWatermarkTests.VerdictAsync(name, video));
        });

        foreach (var line in results.Order()) output.WriteLine(line);
        var failures = results.Where(r => !r.EndsWith(" ok")).ToList();
        Assert.True(results.Count == Clips.Length && failures.Count == 0, string.Join("\n", results.Order()));
    }

}
