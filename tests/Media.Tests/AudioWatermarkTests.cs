using System.Diagnostics;
using Sora.Media.Encoding;
using Sora.Media.Watermark;

namespace Sora.Media.Tests;

public sealed class AudioWatermarkFixture : IAsyncLifetime
{
    public const ushort Payload = 0xBEEF;
    public string Directory { get; } = TestMedia.Scratch("audio-wm");
    public string MarkedWav => Path.Combine(Directory, "marked.wav");
    public double Snr { get; private set; }

    public async Task InitializeAsync()
    {
        var pcm = SyntheticAudio.Create(5, 6);
        var original = pcm.Samples.ToArray();
        // Mark in uneven chunks, as the engine delivers audio.
        var embedder = new AudioWatermarkEmbedder(Payload);
        for (var at = 0; at < pcm.Samples.Length; at += 2 * 7001)
        {
            var length = Math.Min(2 * 7001, pcm.Samples.Length - at);
            embedder.Apply(pcm with { Samples = pcm.Samples.Slice(at, length) });
        }
        double signal = 0, noise = 0;
        var marked = pcm.Samples.Span;
        for (var i = 0; i < original.Length; i++) { signal += original[i] * original[i]; noise += (marked[i] - original[i]) * (marked[i] - original[i]); }
        Snr = 10 * Math.Log10(signal / noise);
        var raw = new byte[marked.Length * 4];
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(marked).CopyTo(raw);
        await Ffmpeg.RunAsync(["-y", "-f", "f32le", "-ar", "48000", "-ac", "2", "-i", "-", "-c:a", "pcm_s16le", MarkedWav], raw);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

public sealed class AudioWatermarkTests(AudioWatermarkFixture fixture) : IClassFixture<AudioWatermarkFixture>
{
    [Fact]
    public void Audio_mark_is_at_least_30_db_below_the_sound() => Assert.True(fixture.Snr >= 30, $"SNR {fixture.Snr:F1} dB");

    [Theory]
    [InlineData("aac96", "-c:a aac -b:a 96k", "m4a")]
    [InlineData("mp3128", "-c:a libmp3lame -b:a 128k", "mp3")]
    [InlineData("resample44k", "-ar 44100 -c:a pcm_s16le", "wav")]
    [InlineData("excerpt", "-ss 1.37 -c:a pcm_s16le", "wav")] // 4.63 s from mid-frame, mid-cycle
    [InlineData("gain-12db", "-af volume=0.25 -c:a pcm_s16le", "wav")]
    public async Task Audio_mark_survives_codecs_resampling_excerpts_and_gain(string name, string attack, string extension)
    {
        var file = Path.Combine(fixture.Directory, $"{name}.{extension}");
        await Ffmpeg.RunAsync(["-y", "-i", fixture.MarkedWav, .. attack.Split(' '), file]);
        var result = await AudioWatermarkDetector.DetectFileAsync(file);
        Assert.True(result.Detected, $"{name}: sync {result.SyncScore:F1}");
        Assert.Equal(AudioWatermarkFixture.Payload, result.Payload);
    }

    [Fact]
    public async Task Audio_mark_survives_noise_at_20_db_snr()
    {
        var pcm = await Ffmpeg.DecodeAudioAsync(fixture.MarkedWav, 48000, 1);
        var power = pcm.Average(s => (double)s * s);
        var sigma = Math.Sqrt(power / 100);
        var random = new Random(9);
        for (var i = 0; i < pcm.Length; i++)
            pcm[i] += (float)(sigma * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        var result = AudioWatermarkDetector.Detect(pcm, 1);
        Assert.True(result.Detected, $"sync {result.SyncScore:F1}");
        Assert.Equal(AudioWatermarkFixture.Payload, result.Payload);
    }

    [Fact]
    public void Unmarked_sound_is_not_detected()
    {
        var pcm = SyntheticAudio.Create(11, 6);
        Assert.False(AudioWatermarkDetector.Detect(pcm.Samples.Span, 2).Detected);
    }
}
