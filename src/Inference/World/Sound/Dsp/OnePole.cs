namespace Sora.Inference.World.Sound.Dsp;

/// <summary>A one-pole low-pass (6 dB/octave), the cheapest smoother there is.</summary>
public struct OnePole
{
    private readonly double _a;
    private double _y;

    public OnePole(double cutoff)
    {
        _a = 1 - Math.Exp(-2 * Math.PI * Math.Clamp(cutoff, 1, AudioFormat.SampleRate * 0.49) / AudioFormat.SampleRate);
        _y = 0;
    }

    public double Process(double x) => _y += _a * (x - _y);
}
