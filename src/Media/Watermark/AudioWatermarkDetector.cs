using System.Numerics;
using Sora.Media.Encoding;

namespace Sora.Media.Watermark;

/// <summary>
/// Finds the audio mark: the sample lag from a whitened (phase-transform) correlation of every 2-frame window with the
/// carrier; at that lag, each frame's correlation with the carrier, bin by bin weighed by the inverse of the sound's power
/// there; then the cycle phase whose sync chips best match; then soft Viterbi decoding of the data frames.
/// </summary>
/// <remarks>
/// The sync score at a phase is Σ sⱼ aⱼ / √(Σ aⱼ²) over the distinct sync chips j, aⱼ being the sum of the values of the
/// frames that carry chip j; on unmarked sound that is a Rademacher sum, so P(S ≥ t) ≤ e^(−t²/2) per phase whatever the
/// sound (Q(t) by the normal model). Detection needs S ≥ <see cref="SyncThreshold"/> at the best of
/// <see cref="AudioWatermark.CycleFrames"/> phases and a CRC-16 match (2⁻¹⁶); docs/watermark.md derives the bound.
/// </remarks>
public static class AudioWatermarkDetector
{
    /// <summary>With 304 phases searched, keeps the false-positive bound where it was with 100 phases and a threshold of 5.</summary>
    public const double SyncThreshold = 5.25;

    /// <summary>Frames on each side whose power enters a bin's noise estimate.</summary>
    private const int NoiseSpan = 4;

    /// <summary>Detects the mark in mono or interleaved 48 kHz PCM.</summary>
    public static AudioWatermarkResult Detect(ReadOnlySpan<float> interleaved, int channels)
    {
        var n = interleaved.Length / channels;
        var mono = new double[n];
        for (var i = 0; i < n; i++) { double s = 0; for (var c = 0; c < channels; c++) s += interleaved[i * channels + c]; mono[i] = s / channels; }
        if (n / AudioWatermark.FrameLength - 1 < AudioWatermark.Code.CodedBits) return new AudioWatermarkResult(false, null, 0, 0);

        var values = FrameCorrelations(mono, Lag(mono));
        var (phase, score) = BestPhase(values);
        var scale = Math.Sqrt(values.Sum(v => v * v) / values.Length);
        var soft = new double[AudioWatermark.Code.CodedBits];
        for (var i = 0; i < values.Length; i++)
        {
            var index = (i + phase) % AudioWatermark.CycleFrames;
            if (!AudioWatermark.IsSync(index)) soft[AudioWatermark.SlotOf(index)] += values[i] / scale;
        }
        var decoded = AudioWatermark.Code.Decode(soft);
        if (decoded is not { } payload) return new AudioWatermarkResult(false, null, 0, score) { SoftBits = soft };
        var coded = AudioWatermark.Code.Encode(payload);
        var agree = Enumerable.Range(0, coded.Length).Count(i => (soft[i] > 0) == (coded[i] == 1));
        return new AudioWatermarkResult(score >= SyncThreshold, (ushort)payload, (double)agree / coded.Length, score) { SoftBits = soft };
    }

    public static async Task<AudioWatermarkResult> DetectFileAsync(string file, CancellationToken ct = default)
    {
        var pcm = await Ffmpeg.DecodeAudioAsync(file, AudioWatermark.SampleRate, 1, ct);
        return Detect(pcm, 1);
    }

    /// <summary>The lag (0 ≤ lag &lt; frame length) at which the phase-transform correlations of all windows hold the most energy.</summary>
    private static int Lag(double[] mono)
    {
        const int f = AudioWatermark.FrameLength;
        var windows = mono.Length / f - 1;
        var energy = new double[f];
        var buffer = new Complex[2 * f];
        var carrier = AudioWatermark.PaddedSpectrum;
        int low = 2 * AudioWatermark.LowBin, high = 2 * AudioWatermark.HighBin;
        for (var i = 0; i < windows; i++)
        {
            for (var k = 0; k < 2 * f; k++) buffer[k] = mono[i * f + k];
            Fft.Transform(buffer, inverse: false);
            for (var k = 0; k < 2 * f; k++)
            {
                var inBand = (k >= low && k <= high) || (k >= 2 * f - high && k <= 2 * f - low);
                var magnitude = buffer[k].Magnitude;
                buffer[k] = inBand && magnitude > 1e-12 ? buffer[k] * Complex.Conjugate(carrier[k]) / magnitude : Complex.Zero;
            }
            Fft.Transform(buffer, inverse: true);
            for (var d = 0; d < f; d++) energy[d] += buffer[d].Real * buffer[d].Real;
        }
        return Array.IndexOf(energy, energy.Max());
    }

    /// <summary>
    /// Each frame's correlation with the carrier at <paramref name="lag"/>, every bin weighed by the inverse of the sound's
    /// power there (averaged over ±<see cref="NoiseSpan"/> frames and ±1 bin: the matched filter for noise of that spectrum),
    /// scaled so that under that noise it has unit variance. Quiet bins and quiet frames thus count by how clearly they
    /// carry the mark, not by how loud the sound is.
    /// </summary>
    private static double[] FrameCorrelations(double[] mono, int lag)
    {
        const int f = AudioWatermark.FrameLength;
        var count = (mono.Length - lag) / f;
        int low = AudioWatermark.LowBin - 1, width = AudioWatermark.HighBin - AudioWatermark.LowBin + 3;
        var spectra = new Complex[count][];
        var power = new double[count][];
        var buffer = new Complex[f];
        for (var i = 0; i < count; i++)
        {
            for (var k = 0; k < f; k++) buffer[k] = mono[lag + i * f + k];
            Fft.Transform(buffer, inverse: false);
            spectra[i] = buffer.AsSpan(low, width).ToArray();
            power[i] = Array.ConvertAll(spectra[i], c => c.Real * c.Real + c.Imaginary * c.Imaginary);
        }
        var carrier = AudioWatermark.FrameSpectrum;
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            int first = Math.Max(0, i - NoiseSpan), last = Math.Min(count - 1, i + NoiseSpan);
            double sum = 0, variance = 0;
            for (var b = 1; b < width - 1; b++)
            {
                double noise = 0;
                for (var j = first; j <= last; j++) noise += power[j][b - 1] + power[j][b] + power[j][b + 1];
                noise = noise / (3 * (last - first + 1)) + 1e-20;
                var c = carrier[low + b];
                sum += (spectra[i][b].Real * c.Real + spectra[i][b].Imaginary * c.Imaginary) / noise;
                variance += (c.Real * c.Real + c.Imaginary * c.Imaginary) / (2 * noise);
            }
            values[i] = variance > 0 ? sum / Math.Sqrt(variance) : 0;
        }
        return values;
    }

    /// <summary>The cycle phase (frame index of the first frame within the cycle) with the highest sync score, and that score.</summary>
    private static (int Phase, double Score) BestPhase(double[] values)
    {
        var cycle = AudioWatermark.CycleFrames;
        var folded = new double[AudioWatermark.SyncChipCount];
        var best = (Phase: 0, Score: double.NegativeInfinity);
        for (var m = 0; m < cycle; m++)
        {
            Array.Clear(folded);
            for (var i = 0; i < values.Length; i++)
            {
                var index = (i + m) % cycle;
                if (AudioWatermark.IsSync(index)) folded[AudioWatermark.SlotOf(index)] += values[i];
            }
            double correlation = 0, energy = 0;
            for (var j = 0; j < folded.Length; j++) { correlation += AudioWatermark.SyncChips[j] * folded[j]; energy += folded[j] * folded[j]; }
            var score = energy > 0 ? correlation / Math.Sqrt(energy) : 0;
            if (score > best.Score) best = (m, score);
        }
        return best;
    }
}
