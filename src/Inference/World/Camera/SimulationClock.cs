using Sora.Inference.World.Planning;

namespace Sora.Inference.World.Camera;

/// <summary>
/// Maps video time to simulated time: during slow-motion shots the world runs at <see cref="SlowRate"/>
/// of real speed. Both directions are piecewise linear and monotonic, so events map back exactly.
/// </summary>
public sealed class SimulationClock
{
    public const double SlowRate = 0.35;

    private readonly List<(double Video, double Sim, double Rate)> segments = [];

    public SimulationClock(IEnumerable<CameraShot> shots)
    {
        var slow = shots.Where(s => s.Kind == "slow_motion").Select(s => (s.Start, End: s.Start + s.Duration)).OrderBy(s => s.Start).ToList();
        var cuts = slow.SelectMany(s => new[] { s.Start, s.End }).Append(0).Distinct().Order().ToList();
        double sim = 0;
        for (var i = 0; i < cuts.Count; i++)
        {
            var start = cuts[i];
            var rate = slow.Any(s => start >= s.Start && start < s.End) ? SlowRate : 1;
            segments.Add((start, sim, rate));
            if (i + 1 < cuts.Count) sim += (cuts[i + 1] - start) * rate;
        }
    }

    public double SimTime(double video)
    {
        var segment = segments.Last(s => s.Video <= video || s == segments[0]);
        return segment.Sim + (video - segment.Video) * segment.Rate;
    }

    public double VideoTime(double sim)
    {
        var segment = segments.Last(s => s.Sim <= sim || s == segments[0]);
        return segment.Video + (sim - segment.Sim) / segment.Rate;
    }
}
