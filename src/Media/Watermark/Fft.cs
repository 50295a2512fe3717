using System.Numerics;

namespace Sora.Media.Watermark;

/// <summary>In-place radix-2 complex FFT (the audio mark needs only power-of-two sizes).</summary>
internal static class Fft
{
    public static void Transform(Span<Complex> data, bool inverse)
    {
        var n = data.Length;
        if (!BitOperations.IsPow2(n)) throw new ArgumentException("FFT size must be a power of two");
        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) (data[i], data[j]) = (data[j], data[i]);
        }
        for (var length = 2; length <= n; length <<= 1)
        {
            var angle = 2 * Math.PI / length * (inverse ? 1 : -1);
            var step = new Complex(Math.Cos(angle), Math.Sin(angle));
            for (var start = 0; start < n; start += length)
            {
                var w = Complex.One;
                for (var k = 0; k < length / 2; k++)
                {
                    var even = data[start + k];
                    var odd = data[start + k + length / 2] * w;
                    data[start + k] = even + odd;
                    data[start + k + length / 2] = even - odd;
                    w *= step;
                }
            }
        }
        if (inverse) for (var i = 0; i < n; i++) data[i] /= n;
    }
}
