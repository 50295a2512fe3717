using System.Threading.Channels;
using FFMpegCore.Pipes;

namespace Sora.Media.Encoding;

/// <summary>
/// An ffmpeg pipe input fed from a channel of raw buffers, so frames reach ffmpeg as they are produced; each buffer is
/// handed to <paramref name="written"/> once ffmpeg has it (to go back to a pool).
/// </summary>
internal sealed class ChannelPipeSource(string streamArguments, ChannelReader<ReadOnlyMemory<byte>> buffers, Action<ReadOnlyMemory<byte>>? written = null) : IPipeSource
{
    private readonly TaskCompletionSource connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when ffmpeg has opened this input: by then it has loaded its libraries and read its arguments.</summary>
    public Task Connected => connected.Task;

    public string GetStreamArguments() => streamArguments;

    public async Task WriteAsync(Stream outputStream, CancellationToken cancellationToken)
    {
        connected.TrySetResult();
        await foreach (var buffer in buffers.ReadAllAsync(cancellationToken))
        {
            await outputStream.WriteAsync(buffer, cancellationToken);
            written?.Invoke(buffer);
        }
    }
}
