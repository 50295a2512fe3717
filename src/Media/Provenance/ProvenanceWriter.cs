using System.Runtime.CompilerServices;
using Sora.Media.Encoding;
using Sora.Media.Watermark;

namespace Sora.Media.Provenance;

/// <summary>
/// The one path from generated frames to a publishable file, used by <c>sora generate</c> and by the server alike:
/// visible mark, invisible video mark and audio mark on every chunk, H.264/AAC faststart MP4 through ffmpeg, then a
/// signed C2PA manifest that declares those marks.
/// </summary>
public sealed class ProvenanceWriter(SigningCredentials credentials)
{
    /// <summary>The audio payload of a video: the top 16 bits of its video payload (the start of the video id hash), so the two marks can be checked against each other.</summary>
    public static ushort AudioPayloadOf(ulong videoPayload) => (ushort)(videoPayload >> 48);

    /// <summary>
    /// Marks (in place), encodes and signs <paramref name="chunks"/> into <paramref name="outputMp4"/>.
    /// <paramref name="markedChunk"/>, when given, sees every chunk once it is marked (for live previews).
    /// </summary>
    public Task<ProvenanceResult> WriteAsync(IAsyncEnumerable<FrameChunk> chunks, ProvenanceRequest request, string outputMp4,
        Func<FrameChunk, CancellationToken, ValueTask>? markedChunk = null, CancellationToken ct = default) =>
        WriteAsync(chunks, request, outputMp4, Mp4Encoder.EncodeAsync, markedChunk, ct);

    /// <summary>
    /// Like the other overload, with the encoding step given: <paramref name="encode"/> turns the marked chunks into
    /// an unsigned MP4 at the path it is given (the server encodes fragments for live preview and joins them).
    /// </summary>
    public async Task<ProvenanceResult> WriteAsync(IAsyncEnumerable<FrameChunk> chunks, ProvenanceRequest request, string outputMp4,
        Func<IAsyncEnumerable<FrameChunk>, Mp4EncodeSettings, string, CancellationToken, Task> encode,
        Func<FrameChunk, CancellationToken, ValueTask>? markedChunk = null, CancellationToken ct = default)
    {
        var videoPayload = VideoWatermark.CreatePayload(request.VideoId, request.Issuer);
        var audioPayload = AudioPayloadOf(videoPayload);
        var marker = new MediaMarker(
            new VisibleWatermark(request.CreatorHandle, request.Width, request.Height, request.Fps, seed: videoPayload),
            new VideoWatermarkEmbedder(videoPayload, request.Width),
            new AudioWatermarkEmbedder(audioPayload),
            request.Fps);

        var unsigned = outputMp4 + ".unsigned.mp4";
        try
        {
            var settings = new Mp4EncodeSettings(request.Width, request.Height, request.Fps) { Crf = request.Crf };
            var sourceEndedEmpty = new StrongBox<bool>();
            try
            {
                await encode(Marked(chunks, marker, markedChunk, sourceEndedEmpty, ct), settings, unsigned, ct);
            }
            catch (FFMpegCore.Exceptions.FFMpegException e) when (sourceEndedEmpty.Value)
            {
                // Only when the frames really ended before the first one: an encoder that failed before it asked for
                // frames has its own error to report.
                throw new ArgumentException("the video has no frames", nameof(chunks), e);
            }
            // An encoder given no frames may still write a file (of sound, or of nothing): not a video to sign.
            if (marker.Frames == 0) throw new ArgumentException("the video has no frames", nameof(chunks));

            var manifest = request.Manifest with
            {
                Watermarks = marker.Frames / (double)request.Fps >= AudioWatermark.MinimumSeconds
                    ? [new WatermarkInfo("video", videoPayload.ToString("x16")), new WatermarkInfo("audio", audioPayload.ToString("x4"))]
                    : [new WatermarkInfo("video", videoPayload.ToString("x16"))],
            };
            await C2paSigner.SignAsync(unsigned, outputMp4, manifest, credentials, ct);
        }
        finally
        {
            File.Delete(unsigned);
        }
        var label = C2paReader.ReadStore(await File.ReadAllBytesAsync(outputMp4, ct))?.SuperBoxes[^1].Label ?? "";
        return new ProvenanceResult(outputMp4, videoPayload, audioPayload, marker.Frames, label);
    }

    private static async IAsyncEnumerable<FrameChunk> Marked(IAsyncEnumerable<FrameChunk> chunks, MediaMarker marker,
        Func<FrameChunk, CancellationToken, ValueTask>? markedChunk, StrongBox<bool> endedEmpty, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var chunk in chunks.WithCancellation(ct))
        {
            var marked = marker.Apply(chunk);
            if (markedChunk is not null) await markedChunk(marked, ct);
            yield return marked;
        }
        endedEmpty.Value = marker.Frames == 0;
    }
}
