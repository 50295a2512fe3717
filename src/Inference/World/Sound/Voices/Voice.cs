using System.Numerics;

namespace Sora.Inference.World.Sound.Voices;

/// <summary>
/// The mono signal of one sound event, rendered once from its onset (so it is the same whichever chunk asks
/// for it), with a coarse peak envelope the mix limiter reads instead of re-scanning samples.
/// </summary>
internal sealed class Voice
{
    public const int EnvelopeBlock = 256;

    /// <summary>Tails more than 90 dB below the voice's peak are cut: inaudible, but costly to mix.</summary>
    private const float AudibleFloor = 3e-5f;

    private readonly float[] _blockPeaks;

    public Voice(long onset, float[] samples, Vector3 position, bool followsCamera, Vector3 velocity = default, double movingSeconds = 0)
    {
        Velocity = velocity;
        MovingSeconds = movingSeconds;
        Onset = onset;
        Samples = TrimInaudibleTail(samples);
        samples = Samples;
        Position = position;
        FollowsCamera = followsCamera;
        _blockPeaks = new float[samples.Length / EnvelopeBlock + 2];
        for (var i = 0; i < samples.Length; i++)
        {
            var block = i / EnvelopeBlock;
            var magnitude = Math.Abs(samples[i]);
            if (magnitude > _blockPeaks[block]) _blockPeaks[block] = magnitude;
        }
    }

    /// <summary>The absolute sample index of the first sample.</summary>
    public long Onset { get; }

    public float[] Samples { get; }

    public Vector3 Position { get; }

    /// <summary>Metres per second the source travels for <see cref="MovingSeconds"/> after its onset, then stays.</summary>
    public Vector3 Velocity { get; }

    public double MovingSeconds { get; }

    /// <summary>Where the source is <paramref name="secondsSinceOnset"/> after it began.</summary>
    public Vector3 PositionAt(double secondsSinceOnset) =>
        Velocity == Vector3.Zero ? Position : Position + Velocity * (float)Math.Clamp(secondsSinceOnset, 0, MovingSeconds);

    /// <summary>Long sources (engines, speech) are re-panned as the camera moves; short ones keep the pan of their start.</summary>
    public bool FollowsCamera { get; }

    public long End => Onset + Samples.Length;

    private static float[] TrimInaudibleTail(float[] samples)
    {
        var peak = 0f;
        foreach (var sample in samples) peak = Math.Max(peak, Math.Abs(sample));
        var last = samples.Length - 1;
        while (last >= 0 && Math.Abs(samples[last]) <= peak * AudibleFloor) last--;
        return last == samples.Length - 1 ? samples : samples[..(last + 1)];
    }

    /// <summary>A smooth upper estimate of |signal| around sample <paramref name="local"/> (index from the onset).</summary>
    public float EnvelopeAt(int local)
    {
        var block = local / EnvelopeBlock;
        var fraction = (local - block * EnvelopeBlock) * (1f / EnvelopeBlock);
        var here = Math.Max(_blockPeaks[block], _blockPeaks[block + 1]);
        var next = block + 2 < _blockPeaks.Length ? Math.Max(_blockPeaks[block + 1], _blockPeaks[block + 2]) : _blockPeaks[block + 1];
        return here + (next - here) * fraction;
    }
}
