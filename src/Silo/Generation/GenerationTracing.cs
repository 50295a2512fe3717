using System.Diagnostics;

namespace Sora.Silo.Generation;

/// <summary>
/// The activity source of the server's media path: one <c>generation</c> activity per attempt with a child per phase
/// (render and encode, sign, poster, store, draft), so an operator's tracer — or <c>sora-bench pipeline</c> —
/// sees where a job's time goes.
/// </summary>
public static class GenerationTracing
{
    public const string SourceName = "Sora.Generation";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>Starts a phase under the current generation activity; null when nobody listens.</summary>
    public static Activity? Phase(string name) => Source.StartActivity(name);
}
