using System.Diagnostics.CodeAnalysis;
using Sora.Media.Encoding;

namespace Sora.Silo.Generation;

/// <summary>
/// Keeps one encoder started ahead of this silo's next job, with the settings of its last one (jobs mostly share a size
/// and frame rate). ffmpeg takes over a tenth of a second of CPU to load its two hundred libraries before it takes a
/// frame, which a job would otherwise spend waiting before its engine may start; a process that waits uses no CPU.
/// </summary>
public sealed class EncoderStandby(MediaGenerationOptions options) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private FragmentedMp4EncoderProcess? _ready;
    private bool _disposed;

    /// <summary>The encoder started ahead if it has these settings and is still alive; otherwise one started now.</summary>
    public FragmentedMp4EncoderProcess Take(Mp4EncodeSettings settings)
    {
        FragmentedMp4EncoderProcess? ready;
        lock (_gate) (ready, _ready) = (_ready, null);
        if (Fits(ready, settings)) return ready;
        if (ready is not null) _ = DiscardAsync(ready);
        return Start(settings);
    }

    /// <summary>Starts an encoder with these settings for the next job, unless one is waiting already.</summary>
    public void Prepare(Mp4EncodeSettings settings)
    {
        FragmentedMp4EncoderProcess? replaced;
        lock (_gate)
        {
            if (_disposed || Fits(_ready, settings)) return;
            replaced = _ready;
            _ready = Start(settings);
        }
        if (replaced is not null) _ = DiscardAsync(replaced);
    }

    public async ValueTask DisposeAsync()
    {
        FragmentedMp4EncoderProcess? ready;
        lock (_gate) (_disposed, ready, _ready) = (true, _ready, null);
        if (ready is not null) await DiscardAsync(ready);
    }

    /// <summary>Whether a waiting encoder can take a job with these settings: it is still alive and was started for them.</summary>
    private static bool Fits([NotNullWhen(true)] FragmentedMp4EncoderProcess? encoder, Mp4EncodeSettings settings) =>
        encoder is { HasExited: false } && encoder.Settings == settings;

    private FragmentedMp4EncoderProcess Start(Mp4EncodeSettings settings)
    {
        Directory.CreateDirectory(options.ScratchDirectory);
        return FragmentedMp4EncoderProcess.Start(settings, options.FirstChunkFrames, options.FramesPerChunk,
            Path.Combine(options.ScratchDirectory, $"encoder-{Guid.NewGuid():N}.mp4"));
    }

    private static async Task DiscardAsync(FragmentedMp4EncoderProcess encoder)
    {
        await encoder.DisposeAsync();
        if (encoder.FinalMp4 is { } file) File.Delete(file);
    }
}
