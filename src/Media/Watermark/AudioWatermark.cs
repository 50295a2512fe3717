using System.Numerics;
using Sora.Media.Encoding;

namespace Sora.Media.Watermark;

/// <summary>
/// The inaudible audio mark: frames of 1024 samples (48 kHz, 21 ms), each carrying one ±1 symbol times a fixed band-limited
/// (400–8000 Hz) pseudo-noise, at 31 dB below the frame's own level. Even frames carry sync chips, odd frames the 76 coded
/// bits of a 16-bit payload (CRC-16 + K=7 rate-1/2 code); a cycle of 304 frames (6.5 s) holds 152 distinct sync chips and
/// two copies of the coded bits, and cycles repeat for the whole track.
/// </summary>
public static class AudioWatermark
{
    public const int SampleRate = 48000;
    public const int FrameLength = 1024;
    public const int PayloadBits = 16;
    public const double RelativeLevel = 0.028; // -31 dB
    public const double SilenceFloor = 2e-4;
    private const int Taper = 64;
    private const double LowHz = 400, HighHz = 8000;

    /// <summary>
    /// Sync chips a declared mark must span: at a per-frame correlation of 0.7 (the weakest World soundtracks measured) the
    /// expected sync score is 0.7·√96 ≈ 6.9, well over <see cref="AudioWatermarkDetector.SyncThreshold"/>.
    /// </summary>
    private const int MinimumSyncFrames = 96;

    public static readonly PayloadCode Code = new(PayloadBits);

    /// <summary>Distinct sync chips per cycle: two per coded bit, so that a cycle holds the coded bits exactly twice.</summary>
    public static int SyncChipCount => 2 * Code.CodedBits;

    public static int CycleFrames => 2 * SyncChipCount;

    /// <summary>
    /// The shortest sound that can prove the mark: <see cref="MinimumSyncFrames"/> sync frames and as many data frames (every
    /// coded bit at least once), plus a frame of slack for the lag. Shorter videos carry the mark but their manifests do not
    /// declare it.
    /// </summary>
    public static double MinimumSeconds => (2 * MinimumSyncFrames + 2) * (double)FrameLength / SampleRate;

    /// <summary>The unit-RMS carrier of every frame.</summary>
    internal static readonly double[] Carrier;
    /// <summary>The carrier's spectrum over one frame and zero-padded over two (for the lag search).</summary>
    internal static readonly Complex[] FrameSpectrum, PaddedSpectrum;
    internal static readonly sbyte[] SyncChips;
    /// <summary>The carrier's band as bins of a one-frame FFT.</summary>
    internal static readonly int LowBin = (int)(LowHz * FrameLength / SampleRate), HighBin = (int)(HighHz * FrameLength / SampleRate);

    static AudioWatermark()
    {
        var random = new Random(0x41_55_44);
        var spectrum = new Complex[FrameLength];
        for (var k = LowBin; k <= HighBin; k++)
        {
            spectrum[k] = Complex.FromPolarCoordinates(1, random.NextDouble() * 2 * Math.PI);
            spectrum[FrameLength - k] = Complex.Conjugate(spectrum[k]);
        }
        Fft.Transform(spectrum, inverse: true);
        Carrier = spectrum.Select(c => c.Real).ToArray();
        for (var i = 0; i < Taper; i++)
        {
            var g = 0.5 - 0.5 * Math.Cos(Math.PI * i / Taper);
            Carrier[i] *= g;
            Carrier[FrameLength - 1 - i] *= g;
        }
        var rms = Math.Sqrt(Carrier.Sum(c => c * c) / FrameLength);
        for (var i = 0; i < FrameLength; i++) Carrier[i] /= rms;
        FrameSpectrum = Transform(FrameLength);
        PaddedSpectrum = Transform(2 * FrameLength);
        SyncChips = Enumerable.Range(0, SyncChipCount).Select(_ => (sbyte)(random.Next(2) * 2 - 1)).ToArray();
    }

    private static Complex[] Transform(int length)
    {
        var spectrum = new Complex[length];
        for (var i = 0; i < FrameLength; i++) spectrum[i] = Carrier[i];
        Fft.Transform(spectrum, inverse: false);
        return spectrum;
    }

    /// <summary>Whether frame <paramref name="index"/> of a cycle carries a sync chip (else a coded bit).</summary>
    internal static bool IsSync(int index) => index % 2 == 0;

    /// <summary>The sync chip (on a sync frame) or coded bit (on a data frame) that frame <paramref name="index"/> of a cycle carries.</summary>
    internal static int SlotOf(int index) => IsSync(index) ? index / 2 : index / 2 % Code.CodedBits;

    /// <summary>The symbol (±1) of each frame of a cycle.</summary>
    internal static sbyte[] Symbols(ushort payload)
    {
        var coded = Code.Encode(payload);
        var symbols = new sbyte[CycleFrames];
        for (var i = 0; i < CycleFrames; i++)
            symbols[i] = IsSync(i) ? SyncChips[SlotOf(i)] : (sbyte)(coded[SlotOf(i)] == 1 ? 1 : -1);
        return symbols;
    }
}

/// <summary>Embeds the audio mark into 48 kHz PCM in place; keeps its position, so a track can be marked chunk by chunk.</summary>
public sealed class AudioWatermarkEmbedder(ushort payload)
{
    private readonly sbyte[] _symbols = AudioWatermark.Symbols(payload);
    private long _position;

    public ushort Payload { get; } = payload;

    /// <summary>Marks a whole buffer (all channels get the same mark, so a downmix keeps it).</summary>
    public void Apply(PcmBuffer pcm)
    {
        if (pcm.SampleRate != AudioWatermark.SampleRate) throw new ArgumentException("the audio mark works on 48 kHz PCM", nameof(pcm));
        var samples = pcm.Samples.Span;
        var channels = pcm.Channels;
        var frames = pcm.FrameCount;
        for (var start = 0; start < frames;)
        {
            var frameIndex = _position / AudioWatermark.FrameLength;
            var within = (int)(_position % AudioWatermark.FrameLength);
            var count = Math.Min(AudioWatermark.FrameLength - within, frames - start);
            // The level follows the host over the part of the frame we have, so loud passages carry more mark.
            double energy = 0;
            for (var i = 0; i < count * channels; i++) { var s = samples[start * channels + i]; energy += s * s; }
            var level = Math.Max(AudioWatermark.RelativeLevel * Math.Sqrt(energy / (count * channels)), AudioWatermark.SilenceFloor);
            var symbol = _symbols[frameIndex % _symbols.Length];
            for (var i = 0; i < count; i++)
            {
                var mark = (float)(symbol * level * AudioWatermark.Carrier[within + i]);
                for (var c = 0; c < channels; c++) samples[(start + i) * channels + c] += mark;
            }
            start += count;
            _position += count;
        }
    }
}

/// <summary>What the audio detector found.</summary>
public sealed record AudioWatermarkResult(bool Detected, ushort? Payload, double BitAccuracy, double SyncScore)
{
    /// <summary>Soft values of the coded bits at the best cycle phase (positive means 1), for callers that know the payload.</summary>
    public double[] SoftBits { get; init; } = [];
}
