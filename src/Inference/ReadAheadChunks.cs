using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Sora.Inference;

public static class ReadAheadChunks
{
    /// <summary>
    /// Asks <paramref name="source"/> for up to <paramref name="items"/> items ahead of the consumer. An engine makes
    /// its next chunk only when asked for it, so a consumer that works on each chunk (marks, conversion, encoding)
    /// otherwise leaves the engine idle meanwhile; with this the two overlap. Items are handed over in order; the
    /// source's error comes out after the items it made before failing, and a consumer that stops early stops the source.
    /// </summary>
    public static async IAsyncEnumerable<T> ReadAhead<T>(this IAsyncEnumerable<T> source, int items,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(items, 1);
        var ahead = Channel.CreateBounded<T>(new BoundedChannelOptions(items) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producing = Task.Run(async () =>
        {
            try
            {
                await foreach (var item in source.WithCancellation(stop.Token)) await ahead.Writer.WriteAsync(item, stop.Token);
            }
            finally
            {
                ahead.Writer.TryComplete();
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var item in ahead.Reader.ReadAllAsync(cancellationToken)) yield return item;
            await producing; // the source's own error, if it ended with one
        }
        finally
        {
            if (!producing.IsCompleted)
            {
                await stop.CancelAsync();
                try { await producing; } catch (Exception) { /* the consumer stopped it; its own reason is what counts */ }
            }
        }
    }
}
