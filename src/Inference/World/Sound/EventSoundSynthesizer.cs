using System.Buffers;
using Sora.Inference.World.Scene;
using Sora.Inference.World.Sound.Ambience;
using Sora.Inference.World.Sound.Speech;
using Sora.Inference.World.Sound.Voices;

namespace Sora.Inference.World.Sound;

/// <summary>
/// The World engine's sound: every simulation event becomes a synthesized voice (modal impacts, shatters,
/// splashes, footsteps, engines, espeak-ng speech), panned and attenuated from the camera, over the
/// environment's procedural ambience bed, through a limiter. Any sample depends only on the events before
/// it, the seed and the camera path, never on how the range was split into calls.
/// </summary>
public sealed class EventSoundSynthesizer : ISoundSynthesizer
{
    /// <summary>Sustained sources are re-panned on this grid of absolute samples (10 ms) and interpolated between.</summary>
    private const int PanGrid = 480;

    private readonly SoundSynthesisOptions _options;
    private readonly EspeakSpeaker _speaker;
    private readonly AmbienceRenderer _ambience = new();
    private readonly Dictionary<(SoundEvent Event, long Seed, string Place), Voice> _voices = new();

    /// <summary>Where voices that were dropped after they finished had ended, so they are not synthesized again.</summary>
    private readonly Dictionary<(SoundEvent Event, long Seed, string Place), long> _finished = new();
    private readonly Lock _gate = new();

    public EventSoundSynthesizer() : this(new SoundSynthesisOptions())
    {
    }

    public EventSoundSynthesizer(SoundSynthesisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _speaker = new EspeakSpeaker(options.EspeakProgram);
    }

    public void Render(SceneLook look, IReadOnlyList<SoundEvent> events, Func<double, CameraPose> listener,
        long startSample, int count, long seed, Span<float> interleaved)
    {
        ArgumentNullException.ThrowIfNull(look);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(listener);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (interleaved.Length < count * 2L)
            throw new ArgumentException($"The buffer holds {interleaved.Length} floats; {count} stereo frames need {count * 2L}.", nameof(interleaved));

        var output = interleaved[..(count * 2)];
        output.Clear();
        if (count == 0) return;
        var levelSquared = ArrayPool<float>.Shared.Rent(count);
        try
        {
            Array.Clear(levelSquared, 0, count);
            lock (_gate)
            {
                StartSpeech(events, startSample + count);
                if (_options.AmbienceGain != 0) _ambience.AddTo(look, seed, startSample, count, output, _options.AmbienceGain);
                for (var index = 0; index < events.Count; index++)
                    MixEvent(events[index], index, look.Environment ?? "", listener, startSample, count, seed, output, levelSquared);
                ForgetFinishedVoices(startSample);
            }
            MixLimiter.Apply(output, levelSquared.AsSpan(0, count));
        }
        finally
        {
            ArrayPool<float>.Shared.Return(levelSquared);
        }
    }

    /// <summary>The speech of a line as it is heard (48 kHz mono, before panning), with its mouth-openness envelope.</summary>
    public SpokenLine Speak(SpeechSound line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return _speaker.Speak(line.Text, line.Language);
    }

    /// <summary>
    /// Synthesizes the given lines ahead of rendering, all at once, so that no chunk waits for espeak-ng.
    /// Optional: Render speaks whatever is not prepared.
    /// </summary>
    public Task PrepareSpeechAsync(IEnumerable<SpeechSound> lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return Task.WhenAll(lines.Select(line => _speaker.SpeakAsync(line.Text, line.Language, cancellationToken)));
    }

    /// <summary>How open the speaker's mouth is, in [0, 1], at <paramref name="videoSeconds"/> of the video (0 outside the line).</summary>
    public float MouthOpenness(SpeechSound line, double videoSeconds) =>
        Speak(line).MouthOpenness(videoSeconds - AudioFormat.SampleAt(line.Time) / (double)AudioFormat.SampleRate);

    /// <summary>Starts every line this range may need at once: espeak-ng runs are mostly waiting, so they overlap well.</summary>
    private void StartSpeech(IReadOnlyList<SoundEvent> events, long end)
    {
        foreach (var soundEvent in events)
            if (soundEvent is SpeechSound line && double.IsFinite(line.Time) && AudioFormat.SampleAt(line.Time) < end)
                _ = _speaker.SpeakAsync(line.Text, line.Language, CancellationToken.None).ContinueWith(
                    static task => _ = task.Exception, TaskContinuationOptions.OnlyOnFaulted);
    }

    private void MixEvent(SoundEvent? soundEvent, int index, string place, Func<double, CameraPose> listener, long start, int count, long seed,
        Span<float> output, float[] levelSquared)
    {
        if (soundEvent is null) throw new ArgumentException($"Sound event {index} is null.", "events");
        if (!double.IsFinite(soundEvent.Time) || !float.IsFinite(soundEvent.Position.X) || !float.IsFinite(soundEvent.Position.Y) || !float.IsFinite(soundEvent.Position.Z))
            throw new ArgumentException($"Sound event {index} ({soundEvent.GetType().Name}) has a time or position that is not a finite number.", "events");

        var onset = AudioFormat.SampleAt(soundEvent.Time);
        var end = start + count;
        // Events from after the range cannot sound in it; events long finished cannot either.
        if (onset >= end || onset + LongestSamples(soundEvent) <= start) return;

        if (_finished.TryGetValue((soundEvent, seed, place), out var ended) && ended <= start) return;
        var voice = VoiceFor(soundEvent, onset, seed, place);
        if (voice.End <= start) return;
        var gain = soundEvent is SpeechSound ? _options.SpeechGain : _options.EffectsGain;
        var from = Math.Max(start, voice.Onset);
        var to = Math.Min(end, voice.End);
        if (voice.FollowsCamera) MixMoving(voice, listener, gain, from, to, start, output, levelSquared);
        else MixFixed(voice, Spatializer.Gains(voice.Position, listener(soundEvent.Time)), gain, from, to, start, output, levelSquared);
    }

    private static void MixFixed(Voice voice, (float Left, float Right) pan, float gain, long from, long to, long start,
        Span<float> output, float[] levelSquared)
    {
        float left = pan.Left * gain, right = pan.Right * gain;
        var loudest = Math.Max(left, right);
        var samples = voice.Samples;
        for (var n = from; n < to; n++)
        {
            var local = (int)(n - voice.Onset);
            var frame = (int)(n - start);
            var sample = samples[local];
            output[2 * frame] += sample * left;
            output[2 * frame + 1] += sample * right;
            var envelope = voice.EnvelopeAt(local) * loudest;
            levelSquared[frame] += envelope * envelope;
        }
    }

    private static void MixMoving(Voice voice, Func<double, CameraPose> listener, float gain, long from, long to, long start,
        Span<float> output, float[] levelSquared)
    {
        var samples = voice.Samples;
        var n = from;
        while (n < to)
        {
            var block = n / PanGrid;
            var blockEnd = Math.Min(to, (block + 1) * PanGrid);
            var (l0, r0) = GainsAt(voice, listener, block * PanGrid);
            var (l1, r1) = GainsAt(voice, listener, (block + 1) * PanGrid);
            for (; n < blockEnd; n++)
            {
                var fraction = (n - block * PanGrid) * (1f / PanGrid);
                var left = (l0 + (l1 - l0) * fraction) * gain;
                var right = (r0 + (r1 - r0) * fraction) * gain;
                var local = (int)(n - voice.Onset);
                var frame = (int)(n - start);
                var sample = samples[local];
                output[2 * frame] += sample * left;
                output[2 * frame + 1] += sample * right;
                var envelope = voice.EnvelopeAt(local) * Math.Max(left, right);
                levelSquared[frame] += envelope * envelope;
            }
        }
    }

    private static (float Left, float Right) GainsAt(Voice voice, Func<double, CameraPose> listener, long sample) =>
        Spatializer.Gains(voice.PositionAt((sample - voice.Onset) / (double)AudioFormat.SampleRate), listener(sample / (double)AudioFormat.SampleRate));

    private Voice VoiceFor(SoundEvent soundEvent, long onset, long seed, string place)
    {
        if (_voices.TryGetValue((soundEvent, seed, place), out var cached)) return cached;
        var room = RoomAcoustics.Of(place);
        var key = EventKey.Of(soundEvent, seed);
        var voice = soundEvent switch
        {
            ImpactSound impact => new Voice(onset, room.Apply(ImpactVoice.Render(impact, key)), soundEvent.Position, followsCamera: false),
            ShatterSound shatter => new Voice(onset, room.Apply(ShatterVoice.Render(shatter, key)), soundEvent.Position, followsCamera: false),
            SplashSound splash => new Voice(onset, room.Apply(SplashVoice.Render(splash.Speed, splash.Mass, key)), soundEvent.Position, followsCamera: false),
            FootstepSound step => new Voice(onset, room.Apply(FootstepVoice.Render(step, key)), soundEvent.Position, followsCamera: false),
            EngineSound engine => new Voice(onset, room.Apply(EngineVoice.Render(engine, key)), soundEvent.Position, followsCamera: true,
                engine.Velocity, Math.Clamp(engine.Duration, 0, 600)),
            SpeechSound speech => new Voice(onset, room.Apply(_speaker.Speak(speech.Text, speech.Language).Samples), soundEvent.Position, followsCamera: true),
            _ => throw new ArgumentException($"Sound events of kind {soundEvent.GetType().Name} are not known to the synthesizer.", "events"),
        };
        _voices[(soundEvent, seed, place)] = voice;
        return voice;
    }

    /// <summary>An upper bound on a voice's length, so long-gone events are skipped without being synthesized.</summary>
    private static long LongestSamples(SoundEvent soundEvent) => soundEvent switch
    {
        // Each bound includes a second for the longest room tail (RoomAcoustics) on top of the dry sound.
        ImpactSound => 7 * AudioFormat.SampleRate + 1,
        ShatterSound => 3 * AudioFormat.SampleRate,
        SplashSound or FootstepSound => 4 * AudioFormat.SampleRate,
        EngineSound engine => (long)((Math.Clamp(engine.Duration, 0, 600) + 2) * AudioFormat.SampleRate),
        _ => long.MaxValue / 4,
    };

    /// <summary>
    /// The engine renders forwards: the samples of voices that ended before this range are dropped, remembering
    /// only where they ended (a voice asked for again is rebuilt identically). Those records go once the cheap
    /// length bound alone rules the event out.
    /// </summary>
    private void ForgetFinishedVoices(long start)
    {
        List<(SoundEvent, long, string)>? done = null;
        foreach (var (key, voice) in _voices)
            if (voice.End <= start) (done ??= []).Add(key);
        foreach (var key in done ?? [])
        {
            _finished[key] = _voices[key].End;
            _voices.Remove(key);
        }

        List<(SoundEvent, long, string)>? forgotten = null;
        foreach (var (key, _) in _finished)
            if (AudioFormat.SampleAt(key.Event.Time) + LongestSamples(key.Event) <= start) (forgotten ??= []).Add(key);
        foreach (var key in forgotten ?? []) _finished.Remove(key);
    }
}
