using System.Numerics;
using Sora.Media.Encoding;

namespace Sora.Media.Watermark;

/// <summary>
/// The inaudible audio mark: frames of 2048 samples (48 kHz), each carrying one ±1 symbol times a fixed band-limited
/// (400–4000 Hz) pseudo-noise, at 31 dB below the frame's own level. A cycle of 100 frames holds 24 sync symbols and the
/// 76 coded bits of a 16-bit payload (CRC-16 + K=7 rate-1/2 code); cycles repeat for the whole track.
/// </summary>
public static class AudioWatermark
{
    public const int SampleRate = 48000;
    public const int FrameLength = 2048;
    public const int PayloadBits = 16;
    public const int SyncSymbols = 24;
    public const double RelativeLevel = 0.028; // -31 dB
    public const double SilenceFloor = 2e-4;
    private const int Taper = 64;
    private const double LowHz = 400, HighHz = 4000;

    public static readonly PayloadCode Code = new(PayloadBits);
    public static int CycleFrames => SyncSymbols + Code.CodedBits;

    /// <summary>
    /// The shortest sound that can prove the mark: one whole cycle, plus enough frames of the next cycle's sync that a
    /// perfect sync score can clear <see cref="AudioWatermarkDetector.SyncThreshold"/> (24 symbols alone reach only √24 ≈ 4.9).
    /// Shorter videos carry the mark but their manifests do not declare it.
    /// </summary>
    public static double MinimumSeconds => (CycleFrames + 6) * (double)FrameLength / SampleRate;

    /// <summary>The unit-RMS carrier of every frame.</summary>
    internal static readonly double[] Carrier;
    internal static readonly Complex[] CarrierSpectrum;
    internal static readonly sbyte[] SyncChips;
    internal static readonly int LowBin = (int)(LowHz * FrameLength * 2 / SampleRate);
    internal static readonly int HighBin = (int)(HighHz * FrameLength * 2 / SampleRate);

    static AudioWatermark()
    {
        var random = new Random(0x41_55_44);
        var spectrum = new Complex[FrameLength];
        var low = (int)(LowHz * FrameLength / SampleRate);
        var high = (int)(HighHz * FrameLength / SampleRate);
        for (var k = low; k <= high; k++)
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
        // The detector correlates 2-frame windows against the zero-padded carrier.
        CarrierSpectrum = new Complex[2 * FrameLength];
        for (var i = 0; i < FrameLength; i++) CarrierSpectrum[i] = Carrier[i];
        Fft.Transform(CarrierSpectrum, inverse: false);
        SyncChips = Enumerable.Range(0, SyncSymbols).Select(_ => (sbyte)(random.Next(2) * 2 - 1)).ToArray();
    }

    /// <summary>The symbol (±1) of each frame of a cycle.</summary>
    internal static sbyte[] Symbols(ushort payload)
    {
        var coded = Code.Encode(payload);
        var symbols = new sbyte[CycleFrames];
        SyncChips.CopyTo(symbols, 0);
        for (var i = 0; i < coded.Length; i++) symbols[SyncSymbols + i] = (sbyte)(coded[i] == 1 ? 1 : -1);
        return symbols;
    }
}

/// <summary>Embeds the audio mark into 48 kHz PCM in place; keeps its position, so a track can be marked chunk by chunk.</summary>
public sealed class AudioWatermarkEmbedder(ushort payload)
{
    private readonly sbyte[] _symbols = AudioWatermark.Symbols(payload);
    private readonly List<float> _pending = [];
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

/// <summary>
/// Finds the audio mark: whitened (phase-transform) correlation of every frame with the carrier at every lag, the lag that
/// concentrates the most energy, then the cycle phase that best matches the sync symbols, then soft Viterbi decoding.
/// </summary>
/// <remarks>False positives: detection needs a sync score ≥ 5 over 100 cycle phases (≤ 100 · Q(5) ≈ 3·10⁻⁵) and a CRC-16 match (2⁻¹⁶).</remarks>
public static class AudioWatermarkDetector
{
    public const double SyncThreshold = 5.0;

    /// <summary>Detects the mark in mono or interleaved 48 kHz PCM.</summary>
    public static AudioWatermarkResult Detect(ReadOnlySpan<float> interleaved, int channels)
    {
        const int f = AudioWatermark.FrameLength;
        var n = interleaved.Length / channels;
        var mono = new double[n];
        for (var i = 0; i < n; i++) { double s = 0; for (var c = 0; c < channels; c++) s += interleaved[i * channels + c]; mono[i] = s / channels; }
        var frames = n / f - 1;
        if (frames < AudioWatermark.CycleFrames / 2) return new AudioWatermarkResult(false, null, 0, 0);

        var correlations = new double[frames][];
        var buffer = new Complex[2 * f];
        for (var i = 0; i < frames; i++)
        {
            for (var k = 0; k < 2 * f; k++) buffer[k] = mono[i * f + k];
            Fft.Transform(buffer, inverse: false);
            for (var k = 0; k < 2 * f; k++)
            {
                var inBand = (k >= AudioWatermark.LowBin && k <= AudioWatermark.HighBin) || (k >= 2 * f - AudioWatermark.HighBin && k <= 2 * f - AudioWatermark.LowBin);
                var magnitude = buffer[k].Magnitude;
                buffer[k] = inBand && magnitude > 1e-12 ? buffer[k] * Complex.Conjugate(AudioWatermark.CarrierSpectrum[k]) / magnitude : Complex.Zero;
            }
            Fft.Transform(buffer, inverse: true);
            var row = new double[f];
            for (var d = 0; d < f; d++) row[d] = buffer[d].Real;
            correlations[i] = row;
        }

        var bestLag = 0;
        var bestEnergy = double.NegativeInfinity;
        for (var d = 0; d < f; d++)
        {
            double energy = 0;
            for (var i = 0; i < frames; i++) energy += correlations[i][d] * correlations[i][d];
            if (energy > bestEnergy) { bestEnergy = energy; bestLag = d; }
        }
        var values = correlations.Select(r => r[bestLag]).ToArray();
        var scale = Math.Sqrt(values.Sum(v => v * v) / values.Length);

        var cycle = AudioWatermark.CycleFrames;
        var bestPhase = 0;
        var bestScore = double.NegativeInfinity;
        for (var m = 0; m < cycle; m++)
        {
            double correlation = 0, energy = 0;
            for (var i = 0; i < frames; i++)
            {
                var symbol = (i + m) % cycle;
                if (symbol >= AudioWatermark.SyncSymbols) continue;
                correlation += AudioWatermark.SyncChips[symbol] * values[i];
                energy += values[i] * values[i];
            }
            var score = energy > 0 ? correlation / Math.Sqrt(energy) : 0;
            if (score > bestScore) { bestScore = score; bestPhase = m; }
        }
        var soft = new double[AudioWatermark.Code.CodedBits];
        for (var i = 0; i < frames; i++)
        {
            var symbol = (i + bestPhase) % cycle;
            if (symbol >= AudioWatermark.SyncSymbols) soft[symbol - AudioWatermark.SyncSymbols] += values[i] / scale;
        }
        var decoded = AudioWatermark.Code.Decode(soft);
        if (decoded is not { } payload) return new AudioWatermarkResult(false, null, 0, bestScore) { SoftBits = soft };
        var coded = AudioWatermark.Code.Encode(payload);
        var agree = Enumerable.Range(0, coded.Length).Count(i => (soft[i] > 0) == (coded[i] == 1));
        return new AudioWatermarkResult(bestScore >= SyncThreshold, (ushort)payload, (double)agree / coded.Length, bestScore) { SoftBits = soft };
    }

    public static async Task<AudioWatermarkResult> DetectFileAsync(string file, CancellationToken ct = default)
    {
        var pcm = await Ffmpeg.DecodeAudioAsync(file, AudioWatermark.SampleRate, 1, ct);
        return Detect(pcm, 1);
    }
}
