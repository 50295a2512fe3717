namespace Sora.Media.Watermark;

/// <summary>
/// The error-correcting code of our marks: payload + CRC-16, then a K=7 convolutional code of rate 1/2 (generators 133, 171
/// octal) or 1/3 (133, 171, 165 octal), decoded by soft Viterbi.
/// </summary>
/// <remarks>The CRC is what bounds false positives: a decode of pure noise passes it with probability 2^-16.</remarks>
public sealed class PayloadCode
{
    private const int ConstraintLength = 7;
    private const int States = 1 << (ConstraintLength - 1);
    private static readonly int[] RateHalf = [0b1011011, 0b1111001];
    private static readonly int[] RateThird = [0b1011011, 0b1111001, 0b1110101];

    private readonly int[] _generators;

    /// <param name="payloadBits">Payload bits before the CRC-16.</param>
    /// <param name="outputsPerBit">2 (rate 1/2) or 3 (rate 1/3).</param>
    public PayloadCode(int payloadBits, int outputsPerBit = 2)
    {
        _generators = outputsPerBit switch
        {
            2 => RateHalf,
            3 => RateThird,
            _ => throw new ArgumentOutOfRangeException(nameof(outputsPerBit), outputsPerBit, "the code has rate 1/2 or 1/3"),
        };
        PayloadBits = payloadBits;
        InfoBits = payloadBits + 16;
        CodedBits = (InfoBits + ConstraintLength - 1) * _generators.Length;
    }

    public int PayloadBits { get; }
    public int InfoBits { get; }
    public int CodedBits { get; }

    /// <summary>Payload bits (most significant first) → coded bits as 0/1.</summary>
    public byte[] Encode(ulong payload)
    {
        var info = InfoWithCrc(payload);
        var coded = new byte[CodedBits];
        var register = 0;
        for (var i = 0; i < info.Length + ConstraintLength - 1; i++)
        {
            var bit = i < info.Length ? info[i] : 0;
            register = ((register << 1) | bit) & ((1 << ConstraintLength) - 1);
            for (var g = 0; g < _generators.Length; g++) coded[_generators.Length * i + g] = (byte)Parity(register & _generators[g]);
        }
        return coded;
    }

    /// <summary>Soft values (positive means bit 1) → the payload, or null when the CRC does not match.</summary>
    public ulong? Decode(ReadOnlySpan<double> soft)
    {
        var (payload, crcMatches) = DecodeUnchecked(soft);
        return crcMatches ? payload : null;
    }

    /// <summary>The most likely payload whether or not its CRC matches (for measuring bit accuracy), and whether it does.</summary>
    public (ulong Payload, bool CrcMatches) DecodeUnchecked(ReadOnlySpan<double> soft)
    {
        var steps = InfoBits + ConstraintLength - 1;
        var metric = new double[States];
        var next = new double[States];
        Array.Fill(metric, double.NegativeInfinity);
        metric[0] = 0;
        var decisions = new byte[steps, States];
        for (var t = 0; t < steps; t++)
        {
            Array.Fill(next, double.NegativeInfinity);
            for (var state = 0; state < States; state++)
            {
                if (double.IsNegativeInfinity(metric[state])) continue;
                for (var bit = 0; bit <= (t < InfoBits ? 1 : 0); bit++)
                {
                    var register = (state << 1) | bit;
                    var m = metric[state];
                    for (var g = 0; g < _generators.Length; g++)
                    {
                        var value = soft[_generators.Length * t + g];
                        m += Parity(register & _generators[g]) == 1 ? value : -value;
                    }
                    var to = register & (States - 1);
                    if (m > next[to]) { next[to] = m; decisions[t, to] = (byte)(state >> (ConstraintLength - 2)); }
                }
            }
            (metric, next) = (next, metric);
        }
        // Trace back from the zero state the tail drives the encoder into.
        var info = new byte[InfoBits];
        var s = 0;
        for (var t = steps - 1; t >= 0; t--)
        {
            if (t < InfoBits) info[t] = (byte)(s & 1);
            s = (s >> 1) | (decisions[t, s] << (ConstraintLength - 2));
        }
        ulong payload = 0;
        for (var i = 0; i < PayloadBits; i++) payload = (payload << 1) | info[i];
        var crc = 0;
        for (var i = 0; i < 16; i++) crc = (crc << 1) | info[PayloadBits + i];
        return (payload, crc == Crc16(payload));
    }

    private byte[] InfoWithCrc(ulong payload)
    {
        var info = new byte[InfoBits];
        for (var i = 0; i < PayloadBits; i++) info[i] = (byte)((payload >> (PayloadBits - 1 - i)) & 1);
        var crc = Crc16(payload);
        for (var i = 0; i < 16; i++) info[PayloadBits + i] = (byte)((crc >> (15 - i)) & 1);
        return info;
    }

    private int Crc16(ulong payload)
    {
        // CRC-16/CCITT-FALSE over the payload bits, most significant first.
        var crc = 0xFFFF;
        for (var i = PayloadBits - 1; i >= 0; i--)
        {
            var bit = (int)((payload >> i) & 1);
            var top = (crc >> 15) & 1;
            crc = (crc << 1) & 0xFFFF;
            if ((top ^ bit) != 0) crc ^= 0x1021;
        }
        return crc;
    }

    private static int Parity(int x) => System.Numerics.BitOperations.PopCount((uint)x) & 1;
}
