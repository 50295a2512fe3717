using FFMpegCore;

namespace Sora.Media.Encoding;

/// <summary>Encodes a stream of frame chunks to an H.264/AAC faststart MP4 with ffmpeg (FFMpegCore), video and audio piped in as they arrive.</summary>
public static class Mp4Encoder
{
    public static Task EncodeAsync(IAsyncEnumerable<FrameChunk> chunks, Mp4EncodeSettings settings, string output, CancellationToken ct = default) =>
        EncoderPipes.RunAsync(chunks, settings,
            arguments => arguments.OutputToFile(output, true, options => options.WithCustomArgument(EncoderPipes.CodecArguments(settings) + " -movflags +faststart")),
            ct);
}
