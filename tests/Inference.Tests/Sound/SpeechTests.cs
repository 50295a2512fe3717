using System.Numerics;
using Sora.Inference.World.Scene;
using Sora.Inference.World.Sound;
using Sora.Inference.World.Sound.Speech;

namespace Sora.Inference.Tests.Sound;

public class SpeechTests
{
    private static readonly Vector3 Speaker = new(0, 1.6f, -2);

    [Theory]
    [InlineData("en", "Hello.", "Hello, what a beautiful morning it is by the lake today.")]
    [InlineData("de", "Hallo.", "Hallo, was für ein schöner Morgen heute am See ist.")]
    public void A_longer_line_takes_longer_to_say(string language, string shortLine, string longLine)
    {
        var synthesizer = new EventSoundSynthesizer();
        var brief = synthesizer.Speak(new SpeechSound(0, Speaker, shortLine, language, 1));
        var full = synthesizer.Speak(new SpeechSound(0, Speaker, longLine, language, 1));
        Assert.InRange(brief.DurationSeconds, 0.2, 3);
        Assert.True(full.DurationSeconds > brief.DurationSeconds * 2, $"{brief.DurationSeconds:F2} s vs {full.DurationSeconds:F2} s");
    }

    [Fact]
    public void English_and_German_voices_say_the_same_letters_differently()
    {
        var synthesizer = new EventSoundSynthesizer();
        var english = synthesizer.Speak(new SpeechSound(0, Speaker, "Wasser ist gut", "en", 1));
        var german = synthesizer.Speak(new SpeechSound(0, Speaker, "Wasser ist gut", "de", 1));
        Assert.NotEqual(english.Samples.Length, german.Samples.Length);
    }

    [Fact]
    public void A_spoken_line_is_heard_in_the_mix_when_it_is_said()
    {
        var line = new SpeechSound(1.0, Speaker, "The water is cold.", "en", 1);
        var mono = SoundProbe.Mono(SoundProbe.Render([line], 3.5));
        Assert.All(mono[..SoundProbe.Rate], s => Assert.Equal(0f, s));
        Assert.True(SoundProbe.Rms(mono.AsSpan(SoundProbe.Rate, SoundProbe.Rate)) > 0.01);
        // Speech sits in the voice band.
        var centroid = SoundProbe.SpectralCentroid(mono[SoundProbe.Rate..]);
        Assert.InRange(centroid, 200, 4000);
    }

    [Fact]
    public async Task Preparing_lines_ahead_changes_nothing_that_is_heard()
    {
        var lines = new[] { new SpeechSound(0.2, Speaker, "Guten Morgen!", "de", 1), new SpeechSound(1.4, new Vector3(3, 1.6f, -2), "Good morning!", "en", 2) };
        var prepared = SoundProbe.EffectsOnly();
        await prepared.PrepareSpeechAsync(lines, CancellationToken.None);
        var withPreparation = SoundProbe.Render(prepared, SoundProbe.Quiet, lines, 0, 3 * SoundProbe.Rate);
        var without = SoundProbe.Render(SoundProbe.EffectsOnly(), SoundProbe.Quiet, lines, 0, 3 * SoundProbe.Rate);
        Assert.Equal(without, withPreparation);
        Assert.True(SoundProbe.Rms(without) > 0.01);
    }

    [Fact]
    public void The_mouth_opens_while_speaking_and_is_closed_before_and_after()
    {
        var synthesizer = new EventSoundSynthesizer();
        var line = new SpeechSound(2.0, Speaker, "Look at the big red ball.", "en", 1);
        var spoken = synthesizer.Speak(line);
        Assert.Equal(0f, synthesizer.MouthOpenness(line, 1.5));
        Assert.Equal(0f, synthesizer.MouthOpenness(line, 2.0 + spoken.DurationSeconds + 0.5));
        var during = Enumerable.Range(0, 50).Select(i => synthesizer.MouthOpenness(line, 2.0 + spoken.DurationSeconds * i / 50)).ToArray();
        Assert.True(during.Max() > 0.8f);
        Assert.All(during, o => Assert.InRange(o, 0f, 1f));
        // Lips move: open and nearly closed several times within one sentence.
        var openings = during.Zip(during.Skip(1), (a, b) => a < 0.3f && b >= 0.3f).Count(x => x);
        Assert.True(openings >= 2, $"the mouth opened {openings} times");
    }

    [Fact]
    public void Without_espeak_ng_speech_fails_with_a_message_naming_the_package()
    {
        var synthesizer = new EventSoundSynthesizer(new SoundSynthesisOptions { EspeakProgram = "/nonexistent/espeak-ng" });
        var line = new SpeechSound(0, Speaker, "Hello.", "en", 1);
        var error = Assert.Throws<SpeechEngineMissingException>(() =>
            synthesizer.Render(SoundProbe.Quiet, [line], SoundProbe.Camera, 0, 4800, 1, new float[9600]));
        Assert.Contains("apt-get install espeak-ng", error.Message);
    }
}
