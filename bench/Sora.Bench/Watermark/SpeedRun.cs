using System.Diagnostics;
using Sora.Media.Encoding;
using Sora.Media.Watermark;

namespace Sora.Bench.Watermark;

/// <summary>Embedding and detection speed at one resolution, and the PSNR of the invisible mark.</summary>
internal sealed record SpeedFigures(string Resolution, double InvisibleEmbedFps, double AllMarksEmbedFps, double DetectFps, double DetectSearchMs, double PsnrDb);

internal static class SpeedRun
{
    public static SpeedFigures Measure(string name, int width, int height, int frames)
    {
        // A few distinct frames, cycled: the cost of marking does not depend on what is in the picture.
        var sources = Enumerable.Range(0, 12).Select(i => SyntheticClip.Frame((SyntheticClip.Kind)(i % 3), i, i, width, height)).ToArray();
        var work = sources.Select(s => RgbFrame.Allocate(width, height)).ToArray();
        const ulong payload = 0x0123_4567_89AB_CDEF;

        var psnr = 0.0;
        var invisible = new VideoWatermarkEmbedder(payload, width);
        for (var i = 0; i < sources.Length; i++)
        {
            sources[i].Pixels.CopyTo(work[i].Pixels);
            invisible.Apply(work[i]);
            psnr += Watermarks.Psnr(Watermarks.MeanSquaredError(sources[i].Pixels.Span, work[i].Pixels.Span));
        }
        psnr /= sources.Length;

        // Warm-up first, so the figures are of optimised code, not of the JIT's first tier.
        for (var i = 0; i < 200; i++) invisible.Apply(work[i % work.Length]);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < frames; i++) invisible.Apply(work[i % work.Length]);
        var invisibleFps = frames / clock.Elapsed.TotalSeconds;

        // The whole marking step of ProvenanceWriter (visible + invisible, frames of a chunk in parallel), audio excluded.
        var marker = new MediaMarker(new VisibleWatermark("benchmark_user", width, height, 24, 1), invisible, new AudioWatermarkEmbedder(1), 24);
        var chunkFrames = 12;
        var chunk = new FrameChunk(width, height, new byte[chunkFrames * width * height * 3], new float[FrameChunk.SampleOfFrame(chunkFrames, 24) * 2]);
        for (var i = 0; i < chunkFrames; i++) sources[i % sources.Length].Pixels.CopyTo(chunk.Frame(i).Pixels);
        for (var i = 0; i < 10; i++) marker.Apply(new FrameChunk(width, height, chunk.Rgb24, Array.Empty<float>()));
        clock.Restart();
        var marked = 0;
        while (marked < frames)
        {
            marker.Apply(new FrameChunk(width, height, chunk.Rgb24, Array.Empty<float>()));
            marked += chunkFrames;
        }
        var allMarksFps = marked / clock.Elapsed.TotalSeconds;

        var luma = work.Select(Luma).ToArray();
        var warm = new VideoWatermarkDetector();
        for (var i = 0; i < 60; i++) warm.AddFrame(luma[i % luma.Length], width, height);
        warm.Detect();
        var detector = new VideoWatermarkDetector();
        clock.Restart();
        for (var i = 0; i < frames; i++) detector.AddFrame(luma[i % luma.Length], width, height);
        var addSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var result = detector.Detect();
        var searchMs = clock.Elapsed.TotalMilliseconds;
        if (result.Payload != payload) throw new InvalidOperationException($"{name}: the speed run's own frames did not decode");
        return new SpeedFigures(name, invisibleFps, allMarksFps, frames / (addSeconds + searchMs / 1000), searchMs, psnr);
    }

    private static byte[] Luma(RgbFrame frame)
    {
        var p = frame.Pixels.Span;
        var y = new byte[frame.Width * frame.Height];
        for (var i = 0; i < y.Length; i++) y[i] = (byte)Math.Clamp((66 * p[3 * i] + 129 * p[3 * i + 1] + 25 * p[3 * i + 2] + 128 >> 8) + 16, 0, 255);
        return y;
    }
}
