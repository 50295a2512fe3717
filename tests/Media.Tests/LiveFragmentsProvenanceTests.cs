using Sora.Media.Encoding;
using Sora.Media.Provenance;

namespace Sora.Media.Tests;

/// <summary>The server's path: marks → live fMP4 fragments and, from the same encode, the final MP4 → signed; it must verify like the plain path.</summary>
public sealed class LiveFragmentsProvenanceTests
{
    private static async Task<(ProvenanceResult Result, ProvenanceReport Report)> WriteThroughFragmentsAsync(int seconds)
    {
        var dir = TestMedia.Scratch("live-fragments");
        using var credentials = SigningCredentials.LoadOrCreate(dir);
        var output = Path.Combine(dir, "video.mp4");
        var result = await new ProvenanceWriter(credentials).WriteAsync(ProvenanceWriterTests.SyntheticChunks(seconds), ProvenanceWriterTests.Request(), output,
            async (marked, settings, unsigned, ct) =>
            {
                var segments = 0;
                await FragmentedMp4Encoder.EncodeAsync(marked, settings, 6, 12, unsigned, (_, _) =>
                {
                    segments++;
                    return ValueTask.CompletedTask;
                }, ct);
                Assert.True(segments > seconds * 2, $"{segments} segments");
            });
        return (result, await ProvenanceVerifier.VerifyAsync(output));
    }

    [Fact]
    public async Task A_video_made_through_live_fragments_is_authentic_with_both_marks()
    {
        var (result, report) = await WriteThroughFragmentsAsync(5);

        Assert.True(report.Verdict == ProvenanceVerdict.Authentic, string.Join("; ", report.Findings));
        Assert.Equal(120, result.Frames);
        Assert.Equal(result.VideoPayload, report.Video!.Payload);
        Assert.Equal(result.AudioPayload, report.Audio!.Payload);
    }

    [Fact]
    public async Task A_video_too_short_for_the_audio_mark_declares_only_the_video_mark_and_is_authentic()
    {
        var (_, report) = await WriteThroughFragmentsAsync(2);

        Assert.True(report.Verdict == ProvenanceVerdict.Authentic, string.Join("; ", report.Findings));
        Assert.Equal(["video"], report.C2pa.DeclaredWatermarks.Keys);
    }
}
