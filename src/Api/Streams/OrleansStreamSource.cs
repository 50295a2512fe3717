using System.Threading.Channels;
using Orleans.Runtime;
using Orleans.Streams;

namespace Sora.Api.Streams;

/// <summary>
/// An Orleans stream seen as an <see cref="IObservable{T}"/> for GraphQL subscriptions. The Orleans
/// subscription is made before <see cref="OpenAsync"/> returns, so nothing published after that is
/// missed; a backlog can be put in front of the live items and a filter can drop duplicates.
/// </summary>
public sealed class OrleansStreamSource<T> : IObservable<T>, IAsyncObserver<T>
{
    public const int Capacity = 1024;

    private readonly Channel<T> _buffer = Channel.CreateBounded<T>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
    });
    private readonly Func<T, bool> _admit;
    private readonly Func<T, bool> _isLast;
    private readonly CancellationTokenSource _stop = new();
    private StreamSubscriptionHandle<T>? _handle;
    private IReadOnlyList<T> _backlog = [];
    private int _subscribed;

    private OrleansStreamSource(Func<T, bool> admit, Func<T, bool> isLast) => (_admit, _isLast) = (admit, isLast);

    /// <param name="admit">Called on each item in order, backlog first; false drops it.</param>
    /// <param name="isLast">True for an item after which the stream is complete (a finished job's last event).</param>
    public static async Task<OrleansStreamSource<T>> OpenAsync(
        IClusterClient client, string provider, StreamId streamId, Func<T, bool>? admit = null, Func<T, bool>? isLast = null)
    {
        var source = new OrleansStreamSource<T>(admit ?? (_ => true), isLast ?? (_ => false));
        source._handle = await client.GetStreamProvider(provider).GetStream<T>(streamId).SubscribeAsync(source);
        return source;
    }

    /// <summary>Items to emit before the live ones (e.g. what happened before the subscription).</summary>
    public OrleansStreamSource<T> WithBacklog(IReadOnlyList<T> backlog)
    {
        _backlog = backlog;
        return this;
    }

    public IDisposable Subscribe(IObserver<T> observer)
    {
        if (Interlocked.Exchange(ref _subscribed, 1) == 1)
            throw new InvalidOperationException("An Orleans stream source serves one observer");
        _ = PumpAsync(observer);
        return new Unsubscriber(this);
    }

    private async Task PumpAsync(IObserver<T> observer)
    {
        try
        {
            var done = false;
            foreach (var item in _backlog)
                if (!done) done = Emit(observer, item);
            if (!done)
                await foreach (var item in _buffer.Reader.ReadAllAsync(_stop.Token))
                    if (Emit(observer, item)) break;
            observer.OnCompleted();
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception error)
        {
            observer.OnError(error);
        }
    }

    /// <summary>Passes an admitted item on; true when it was the last one.</summary>
    private bool Emit(IObserver<T> observer, T item)
    {
        if (!_admit(item)) return false;
        observer.OnNext(item);
        return _isLast(item);
    }

    Task IAsyncObserver<T>.OnNextAsync(T item, StreamSequenceToken? token)
    {
        _buffer.Writer.TryWrite(item);
        return Task.CompletedTask;
    }

    Task IAsyncObserver<T>.OnCompletedAsync()
    {
        _buffer.Writer.TryComplete();
        return Task.CompletedTask;
    }

    Task IAsyncObserver<T>.OnErrorAsync(Exception ex)
    {
        _buffer.Writer.TryComplete(ex);
        return Task.CompletedTask;
    }

    private async Task CloseAsync()
    {
        await _stop.CancelAsync();
        _buffer.Writer.TryComplete();
        if (_handle is { } handle)
        {
            try { await handle.UnsubscribeAsync(); }
            catch (Exception)
            {
                // The silo may be shutting down; a stale subscription is cleaned up by pub-sub later.
            }
        }
    }

    private sealed class Unsubscriber(OrleansStreamSource<T> source) : IDisposable
    {
        public void Dispose() => _ = source.CloseAsync();
    }
}
