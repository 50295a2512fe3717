namespace Sora.Inference.Onnx.Pipeline;

/// <summary>
/// The flow-matching Euler sampler: latents start as noise at t = 1 and move along the predicted velocity to t = 0,
/// x ← x + (t_next − t)·v. Pure math, no I/O.
/// </summary>
public sealed record FlowMatchEulerSampler(int Steps, float Shift = 1)
{
    /// <summary>Steps + 1 times from 1 down to 0; a shift above 1 spends more steps at high noise (t' = s·t / (1 + (s − 1)·t)).</summary>
    public float[] Timesteps()
    {
        var times = new float[Steps + 1];
        for (var i = 0; i <= Steps; i++)
        {
            var t = 1f - i / (float)Steps;
            times[i] = Shift * t / (1 + (Shift - 1) * t);
        }
        return times;
    }

    /// <summary>One Euler step in place.</summary>
    public static void Step(Span<float> latents, ReadOnlySpan<float> velocity, float t, float tNext)
    {
        if (velocity.Length != latents.Length)
            throw new ArgumentException($"the velocity has {velocity.Length} values for {latents.Length} latents", nameof(velocity));
        var dt = tNext - t;
        for (var i = 0; i < latents.Length; i++) latents[i] += dt * velocity[i];
    }

    /// <summary>Classifier-free guidance in place: conditional ← unconditional + scale·(conditional − unconditional).</summary>
    public static void Guide(Span<float> conditional, ReadOnlySpan<float> unconditional, float scale)
    {
        for (var i = 0; i < conditional.Length; i++)
            conditional[i] = unconditional[i] + scale * (conditional[i] - unconditional[i]);
    }
}
