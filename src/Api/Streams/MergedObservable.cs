namespace Sora.Api.Streams;

/// <summary>Several sources as one: items in arrival order, one at a time; complete when all are.</summary>
public sealed class MergedObservable<T>(IReadOnlyList<IObservable<T>> sources) : IObservable<T>
{
    public IDisposable Subscribe(IObserver<T> observer)
    {
        var gate = new object();
        var remaining = sources.Count;
        var stopped = false;
        var subscriptions = new List<IDisposable>(sources.Count);
        foreach (var source in sources)
            subscriptions.Add(source.Subscribe(new Relay(
                item => { lock (gate) if (!stopped) observer.OnNext(item); },
                error => { lock (gate) { if (stopped) return; stopped = true; observer.OnError(error); } },
                () => { lock (gate) { if (stopped || --remaining > 0) return; stopped = true; observer.OnCompleted(); } })));
        return new Subscriptions(subscriptions);
    }

    private sealed class Relay(Action<T> next, Action<Exception> error, Action completed) : IObserver<T>
    {
        public void OnNext(T value) => next(value);
        public void OnError(Exception e) => error(e);
        public void OnCompleted() => completed();
    }

    private sealed class Subscriptions(List<IDisposable> all) : IDisposable
    {
        public void Dispose()
        {
            foreach (var subscription in all) subscription.Dispose();
        }
    }
}
