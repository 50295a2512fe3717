namespace Sora.Inference.World.Sound.Dsp;

/// <summary>One period of a waveform, tabulated and read with linear interpolation: an oscillator without a transcendental call per sample.</summary>
internal sealed class Wavetable
{
    private const int Size = 4096;
    private readonly float[] _table = new float[Size + 1];

    public Wavetable(Func<double, double> shape)
    {
        for (var i = 0; i <= Size; i++) _table[i] = (float)shape((double)i / Size);
    }

    /// <summary>The waveform at <paramref name="phase"/> in [0, 1).</summary>
    public float At(double phase)
    {
        var position = phase * Size;
        var index = (int)position;
        if ((uint)index >= Size) index = Math.Clamp(index, 0, Size - 1);
        var fraction = (float)(position - index);
        return _table[index] + (_table[index + 1] - _table[index]) * fraction;
    }
}
