using Sora.Abstractions.Users;

namespace Sora.Grains.Users;

public sealed class SignInThrottleGrain(TimeProvider clock) : Grain, ISignInThrottleGrain
{
    private readonly Queue<DateTimeOffset> _attempts = new();

    public Task<bool> TryAttemptAsync(int limit, TimeSpan window)
    {
        var now = clock.GetUtcNow();
        while (_attempts.Count > 0 && now - _attempts.Peek() >= window) _attempts.Dequeue();
        if (_attempts.Count >= limit) return Task.FromResult(false);
        _attempts.Enqueue(now);
        // Stay active at least as long as the window, so the count is not forgotten early.
        DelayDeactivation(window);
        return Task.FromResult(true);
    }
}
