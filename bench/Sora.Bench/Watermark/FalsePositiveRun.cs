using System.Collections.Concurrent;
using Sora.Media.Encoding;
using Sora.Media.Watermark;

namespace Sora.Bench.Watermark;

/// <summary>What the detectors said about unmarked clips: how often they claimed a mark, how often a CRC matched by chance, and the sync scores.</summary>
internal sealed record FalsePositiveFigures(string Mark, int Clips, int Detected, int CrcMatches, double MeanSync, double MaxSync, double Threshold);

/// <summary>Runs both detectors on unmarked clips from every <see cref="IUnmarkedClipSource"/>; video goes through an H.264 encode first.</summary>
internal sealed class FalsePositiveRun(string scratch, int clips, int width, int height)
{
    public async Task<IReadOnlyList<FalsePositiveFigures>> RunAsync(Action<string> progress, CancellationToken ct)
    {
        var video = new ConcurrentBag<VideoWatermarkResult>();
        var audio = new ConcurrentBag<AudioWatermarkResult>();
        var sources = UnmarkedClipSources.All;
        var done = 0;
        foreach (var source in sources)
        {
            var share = clips / sources.Count + (source == sources[0] ? clips % sources.Count : 0);
            await Parallel.ForEachAsync(source.ClipsAsync(share, width, height, ct), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount), CancellationToken = ct }, async (clip, token) =>
            {
                var file = Path.Combine(scratch, $"unmarked-{clip.Name}.mp4");
                await SyntheticClip.EncodeAsync(clip.Frames, clip.Fps, file, crf: 23, ct: token);
                video.Add(await VideoWatermarkDetector.DetectFileAsync(file, ct: token));
                File.Delete(file);
                audio.Add(AudioWatermarkDetector.Detect(clip.Audio.Samples.Span, clip.Audio.Channels));
                var n = Interlocked.Increment(ref done);
                if (n % 20 == 0) progress($"unmarked clip {n}/{clips}");
            });
        }
        return
        [
            new("video", video.Count, video.Count(r => r.Detected), video.Count(r => r.Payload is not null), video.Average(r => r.SyncScore), video.Max(r => r.SyncScore), VideoWatermarkDetector.SyncThreshold),
            new("audio", audio.Count, audio.Count(r => r.Detected), audio.Count(r => r.Payload is not null), audio.Average(r => r.SyncScore), audio.Max(r => r.SyncScore), AudioWatermarkDetector.SyncThreshold),
        ];
    }
}
