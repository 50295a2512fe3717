namespace Sora.Inference.World.Sound.Dsp;

/// <summary>A second-order IIR section (RBJ audio-EQ cookbook designs), direct form I, in double precision.</summary>
internal struct Biquad
{
    private double _b0, _b1, _b2, _a1, _a2;
    private double _x1, _x2, _y1, _y2;

    private Biquad(double b0, double b1, double b2, double a0, double a1, double a2)
    {
        _b0 = b0 / a0; _b1 = b1 / a0; _b2 = b2 / a0; _a1 = a1 / a0; _a2 = a2 / a0;
        _x1 = _x2 = _y1 = _y2 = 0;
    }

    public static Biquad LowPass(double frequency, double q = 0.7071) => Design(frequency, q, FilterType.LowPass);

    public static Biquad HighPass(double frequency, double q = 0.7071) => Design(frequency, q, FilterType.HighPass);

    /// <summary>Band-pass with 0 dB peak gain at <paramref name="frequency"/>.</summary>
    public static Biquad BandPass(double frequency, double q) => Design(frequency, q, FilterType.BandPass);

    public double Process(double x)
    {
        var y = _b0 * x + _b1 * _x1 + _b2 * _x2 - _a1 * _y1 - _a2 * _y2;
        _x2 = _x1; _x1 = x;
        _y2 = _y1; _y1 = y;
        return y;
    }

    /// <summary>Changes the response while keeping the signal history, for swept filters.</summary>
    public void Retune(double frequency, double q, FilterType type)
    {
        var fresh = Design(frequency, q, type);
        _b0 = fresh._b0; _b1 = fresh._b1; _b2 = fresh._b2; _a1 = fresh._a1; _a2 = fresh._a2;
    }

    public enum FilterType { LowPass, HighPass, BandPass }

    private static Biquad Design(double frequency, double q, FilterType type)
    {
        var f = Math.Clamp(frequency, 5, AudioFormat.SampleRate * 0.49);
        var w = 2 * Math.PI * f / AudioFormat.SampleRate;
        var cos = Math.Cos(w);
        var alpha = Math.Sin(w) / (2 * q);
        return type switch
        {
            FilterType.LowPass => new Biquad((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha),
            FilterType.HighPass => new Biquad((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha),
            _ => new Biquad(alpha, 0, -alpha, 1 + alpha, -2 * cos, 1 - alpha),
        };
    }
}
