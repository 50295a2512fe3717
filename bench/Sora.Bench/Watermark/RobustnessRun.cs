using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Sora.Media.Encoding;
using Sora.Media.Watermark;

namespace Sora.Bench.Watermark;

/// <summary>Per attack: how many clips, how many decoded to the right payload, and mean bit accuracy before and after error correction.</summary>
internal sealed record AttackFigures(string Mark, string Attack, string Description, int Clips, int Detected, double PayloadBitAccuracy, double CodedBitAccuracy)
{
    public double DetectionRate => Clips == 0 ? 0 : (double)Detected / Clips;
}

/// <summary>Marks clips through the production path, attacks the files with ffmpeg, and runs the detectors on the results.</summary>
internal sealed class RobustnessRun(string scratch, int clips, int width, int height, double videoSeconds, double audioSeconds)
{
    private const int Fps = 24;
    private readonly ConcurrentBag<(string Mark, string Attack, bool Detected, double Payload, double Coded)> _trials = [];

    public async Task<IReadOnlyList<AttackFigures>> RunAsync(Action<string> progress, CancellationToken ct)
    {
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, clips), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount), CancellationToken = ct }, async (clip, token) =>
        {
            await VideoClipAsync(clip, token);
            await AudioClipAsync(clip, token);
            progress($"clip {Interlocked.Increment(ref done)}/{clips}");
        });
        var video = VideoAttack.All(videoSeconds).Select(a => Figures("video", a.Name, a.Description));
        var audio = AudioAttack.All.Select(a => Figures("audio", a.Name, a.Description));
        return [.. video, .. audio];
    }

    private AttackFigures Figures(string mark, string attack, string description)
    {
        var trials = _trials.Where(t => t.Mark == mark && t.Attack == attack).ToList();
        return new AttackFigures(mark, attack, description, trials.Count, trials.Count(t => t.Detected),
            trials.Count == 0 ? 0 : trials.Average(t => t.Payload), trials.Count == 0 ? 0 : trials.Average(t => t.Coded));
    }

    private async Task VideoClipAsync(int clip, CancellationToken ct)
    {
        var payload = VideoWatermark.CreatePayload($"robustness-{clip}", (ushort)clip);
        var kind = (SyntheticClip.Kind)(clip % 3);
        var marked = Path.Combine(scratch, $"video-{clip}.mp4");
        var marker = new MediaMarker(new VisibleWatermark($"user{clip}", width, height, Fps, payload), new VideoWatermarkEmbedder(payload, width), new AudioWatermarkEmbedder(0), Fps);
        await Mp4Encoder.EncodeAsync(MarkedChunks(kind, clip, marker, ct), new Mp4EncodeSettings(width, height, Fps), marked, ct);
        foreach (var attack in VideoAttack.All(videoSeconds))
        {
            var file = marked;
            if (attack.Arguments.Length > 0)
            {
                file = Path.Combine(scratch, $"video-{clip}-{attack.Name}.mp4");
                await Ffmpeg.RunAsync(["-y", "-i", marked, .. attack.Arguments, "-an", file], default, ct);
            }
            var result = await VideoWatermarkDetector.DetectFileAsync(file, ct: ct);
            _trials.Add(("video", attack.Name, result.Detected && result.Payload == payload,
                Watermarks.PayloadBitAccuracy(VideoWatermark.Code, result.SoftBits, payload), Watermarks.CodedBitAccuracy(VideoWatermark.Code, result.SoftBits, payload)));
            if (file != marked) File.Delete(file);
        }
        File.Delete(marked);
    }

    private async IAsyncEnumerable<FrameChunk> MarkedChunks(SyntheticClip.Kind kind, int seed, MediaMarker marker, [EnumeratorCancellation] CancellationToken ct)
    {
        var frames = (int)(videoSeconds * Fps);
        for (var first = 0; first < frames; first += Fps)
        {
            ct.ThrowIfCancellationRequested();
            await Task.Yield();
            var count = Math.Min(Fps, frames - first);
            var rgb = new byte[count * width * height * 3];
            for (var i = 0; i < count; i++) SyntheticClip.Frame(kind, seed, first + i, width, height).Pixels.CopyTo(rgb.AsMemory(i * width * height * 3));
            yield return marker.Apply(new FrameChunk(width, height, rgb, Array.Empty<float>()));
        }
    }

    private async Task AudioClipAsync(int clip, CancellationToken ct)
    {
        var payload = (ushort)(0x9E37 * (clip + 1));
        var pcm = SyntheticAudio.Create(500 + clip, audioSeconds);
        new AudioWatermarkEmbedder(payload).Apply(pcm);
        var marked = Path.Combine(scratch, $"audio-{clip}.m4a");
        var raw = System.Runtime.InteropServices.MemoryMarshal.AsBytes(pcm.Samples.Span).ToArray();
        // The production path's sound: AAC 160 kb/s, as Mp4Encoder writes it.
        await Ffmpeg.RunAsync(["-y", "-f", "f32le", "-ar", "48000", "-ac", "2", "-i", "-", "-c:a", "aac", "-b:a", "160k", marked], raw, ct);
        foreach (var attack in AudioAttack.All)
        {
            AudioWatermarkResult result;
            if (attack.NoiseSnrDb is { } snr)
            {
                var samples = await Ffmpeg.DecodeAudioAsync(marked, 48000, 1, ct);
                AddWhiteNoise(samples, snr, clip);
                result = AudioWatermarkDetector.Detect(samples, 1);
            }
            else
            {
                var file = marked;
                if (attack.Arguments.Length > 0)
                {
                    file = Path.Combine(scratch, $"audio-{clip}-{attack.Name}.{attack.Extension}");
                    await Ffmpeg.RunAsync(["-y", "-i", marked, .. attack.Arguments, file], default, ct);
                }
                result = await AudioWatermarkDetector.DetectFileAsync(file, ct);
                if (file != marked) File.Delete(file);
            }
            _trials.Add(("audio", attack.Name, result.Detected && result.Payload == payload,
                Watermarks.PayloadBitAccuracy(AudioWatermark.Code, result.SoftBits, payload), Watermarks.CodedBitAccuracy(AudioWatermark.Code, result.SoftBits, payload)));
        }
        File.Delete(marked);
    }

    private static void AddWhiteNoise(float[] samples, double snrDb, int seed)
    {
        var power = samples.Average(s => (double)s * s);
        var sigma = Math.Sqrt(power / Math.Pow(10, snrDb / 10));
        var random = new Random(seed);
        for (var i = 0; i < samples.Length; i++)
            samples[i] += (float)(sigma * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
    }
}
