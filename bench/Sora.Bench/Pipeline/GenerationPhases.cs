using System.Collections.Concurrent;
using System.Diagnostics;
using Sora.Silo.Generation;

namespace Sora.Bench.Pipeline;

/// <summary>
/// Listens to the embedded server's <see cref="GenerationTracing"/> activities and keeps, per generation, how long
/// each phase took and when its events happened (seconds from the generation's start), so the bench can show where
/// a job's time goes.
/// </summary>
internal sealed class GenerationPhases : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _stopped = new();

    public GenerationPhases()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GenerationTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Phase and event name → seconds, for each generation finished since the last call (its phases durations, its events' offsets).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, double>> TakeRuns()
    {
        var activities = new List<Activity>();
        while (_stopped.TryDequeue(out var activity)) activities.Add(activity);
        var runs = new List<IReadOnlyDictionary<string, double>>();
        foreach (var root in activities.Where(a => a.OperationName == "generation"))
        {
            var run = new Dictionary<string, double>();
            foreach (var phase in activities.Where(a => a.ParentSpanId == root.SpanId))
                run[phase.OperationName] = run.GetValueOrDefault(phase.OperationName) + phase.Duration.TotalSeconds;
            foreach (var e in root.Events)
                run["@ " + e.Name] = (e.Timestamp - root.StartTimeUtc).TotalSeconds;
            run["generation (in the worker)"] = root.Duration.TotalSeconds;
            runs.Add(run);
        }
        return runs;
    }

    public void Dispose() => _listener.Dispose();
}
