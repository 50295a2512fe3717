using Sora.Inference;

namespace Sora.Silo.Generation;

/// <summary>
/// The engine one job runs, with the name and version its C2PA manifest records. Disposed once the job is over (the
/// engine no longer drawing), it hands back what the next job may reuse; disposing it again does nothing.
/// </summary>
public sealed class EngineLease(IVideoEngine engine, string name, string version, Action? giveBack = null) : IDisposable
{
    private Action? _giveBack = giveBack;

    public IVideoEngine Engine { get; } = engine;
    public string Name { get; } = name;
    public string Version { get; } = version;

    public void Dispose() => Interlocked.Exchange(ref _giveBack, null)?.Invoke();
}
