using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;

namespace Sora.Inference.World.Sound.Speech;

/// <summary>
/// Speaks text with the espeak-ng program (English or German voice), resampled to 48 kHz and peak-normalised.
/// Lines are cached by text and voice: espeak-ng is deterministic, so a cached line equals a fresh one. Each
/// run costs a process start (about 0.1–0.2 s of waiting, little CPU), so lines can be prepared in parallel.
/// </summary>
public sealed class EspeakSpeaker(string program = "espeak-ng")
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<(string Text, string Voice), Lazy<Task<SpokenLine>>> _cache = new();

    /// <param name="language">"en" or "de" (others that espeak-ng knows also work).</param>
    public SpokenLine Speak(string text, string language) =>
        SpeakAsync(text, language, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Starts (or joins) the synthesis of a line; cancelling stops the wait, not a synthesis others may share.</summary>
    public Task<SpokenLine> SpeakAsync(string text, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var voice = string.IsNullOrWhiteSpace(language) ? "en" : language.Trim().ToLowerInvariant();
        if (voice.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '+')))
            throw new ArgumentException($"'{language}' is not a language code espeak-ng could take.", nameof(language));
        var key = (text, voice);
        var entry = _cache.GetOrAdd(key, k => new Lazy<Task<SpokenLine>>(() => SynthesizeAsync(k.Text, k.Voice)));
        var task = entry.Value;
        // A failure (espeak-ng missing, say) is not cached: installing it and asking again works.
        if (task.IsFaulted) _cache.TryRemove(new KeyValuePair<(string, string), Lazy<Task<SpokenLine>>>(key, entry));
        return task.WaitAsync(cancellationToken);
    }

    private async Task<SpokenLine> SynthesizeAsync(string text, string voice)
    {
        if (string.IsNullOrWhiteSpace(text)) return new SpokenLine(text, voice, []);
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-v");
        start.ArgumentList.Add(voice);
        start.ArgumentList.Add("--stdout");
        // A leading '-' would be read as an option; a space in front changes nothing that is spoken.
        start.ArgumentList.Add(text.StartsWith('-') ? " " + text : text);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new SpeechEngineMissingException(program);
        }
        catch (Win32Exception missing)
        {
            throw new SpeechEngineMissingException(program, missing);
        }

        using (process)
        using (var timeout = new CancellationTokenSource(Timeout))
        {
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            using var wav = new MemoryStream();
            try
            {
                await process.StandardOutput.BaseStream.CopyToAsync(wav, timeout.Token).ConfigureAwait(false);
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"espeak-ng took longer than {Timeout.TotalSeconds} s to speak a line.");
            }
            if (process.ExitCode != 0 || wav.Length == 0)
                throw new InvalidOperationException($"espeak-ng failed (exit {process.ExitCode}) for voice '{voice}': {(await error.ConfigureAwait(false)).Trim()}");

            var pcm = WavReader.Read(wav.GetBuffer().AsSpan(0, (int)wav.Length));
            var samples = Resampler.Resample(pcm.Mono, pcm.SampleRate, AudioFormat.SampleRate);
            Voices.Transient.NormalizePeak(samples, 0.5);
            return new SpokenLine(text, voice, samples);
        }
    }
}
