using Sora.Inference.World.Scene;

namespace Sora.Inference.World.Sound.Ambience;

/// <summary>
/// Renders the ambience bed in fixed segments of absolute time. Each segment is rendered from a pre-roll
/// before it (so its filters have settled to what a continuous run would hold), which makes a segment a pure
/// function of (look, seed, index): any chunking of the output reads the same samples. Recent segments are
/// kept, since the engine asks for consecutive short chunks.
/// </summary>
internal sealed class AmbienceRenderer
{
    public const int SegmentLength = 16384;
    public const int PreRoll = 4096;
    private const int CachedSegments = 8;

    private readonly LinkedList<(SegmentKey Key, float[] Stereo)> _recent = new();
    private IReadOnlyList<IAmbienceLayer>? _layers;
    private (SceneLook Look, long Seed)? _layersFor;

    /// <summary>Adds the ambience of [start, start + count) into the interleaved stereo buffer.</summary>
    public void AddTo(SceneLook look, long seed, long start, int count, Span<float> interleaved, float gain)
    {
        var end = start + count;
        for (var segment = FloorDiv(start, SegmentLength); segment * SegmentLength < end; segment++)
        {
            var stereo = Segment(look, seed, segment);
            var segmentStart = segment * SegmentLength;
            var from = Math.Max(start, segmentStart);
            var to = Math.Min(end, segmentStart + SegmentLength);
            var source = stereo.AsSpan((int)(from - segmentStart) * 2, (int)(to - from) * 2);
            var target = interleaved.Slice((int)(from - start) * 2, source.Length);
            for (var i = 0; i < source.Length; i++) target[i] += source[i] * gain;
        }
    }

    private float[] Segment(SceneLook look, long seed, long segment)
    {
        var key = new SegmentKey(look, seed, segment);
        for (var node = _recent.First; node is not null; node = node.Next)
        {
            if (!node.Value.Key.Equals(key)) continue;
            _recent.Remove(node);
            _recent.AddFirst(node);
            return node.Value.Stereo;
        }

        if (_layersFor != (look, seed))
        {
            _layers = AmbienceBed.Compose(look, seed);
            _layersFor = (look, seed);
        }

        var left = new float[PreRoll + SegmentLength];
        var right = new float[PreRoll + SegmentLength];
        var from = segment * SegmentLength - PreRoll;
        foreach (var layer in _layers!) layer.Render(from, left, right);

        var stereo = new float[SegmentLength * 2];
        for (var i = 0; i < SegmentLength; i++)
        {
            stereo[2 * i] = left[PreRoll + i];
            stereo[2 * i + 1] = right[PreRoll + i];
        }
        _recent.AddFirst((key, stereo));
        if (_recent.Count > CachedSegments) _recent.RemoveLast();
        return stereo;
    }

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    private readonly record struct SegmentKey(SceneLook Look, long Seed, long Segment);
}
