using System.Runtime.CompilerServices;
using System.Text.Json;
using Sora.Media.Encoding;
using Sora.Media.Provenance;
using Sora.Media.Watermark;
using Sora.Silo.Tests.Infrastructure;

namespace Sora.Silo.Tests.Cli;

/// <summary>A Sora video made by the one marking path, an unmarked MP4, and a folder for broken copies.</summary>
public sealed class VerifyFixture : IAsyncLifetime
{
    public const int Width = 480, Height = 272, Fps = 24;
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "sora-verify-tests", Guid.NewGuid().ToString("N")[..8]);
    public string SoraVideo => Path.Combine(Directory, "sora.mp4");
    public string Unmarked => Path.Combine(Directory, "unmarked.mp4");
    public ProvenanceResult Written { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        using var credentials = SigningCredentials.LoadOrCreate(Directory);
        var request = new ProvenanceRequest("verify-test-video", 7, "@grace", Width, Height, Fps, new ManifestDefinition
        {
            Title = "A ball bounces",
            Generation = new GenerationInfo("World", "0.1.0", 5, "sha256:feed"),
        });
        Written = await new ProvenanceWriter(credentials).WriteAsync(Chunks(6), request, SoraVideo);
        await Ffmpeg.RunAsync(["-y", "-f", "lavfi", "-i", $"testsrc2=size={Width}x{Height}:rate={Fps}:duration=6", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=6",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", Unmarked]);
    }

    private static async IAsyncEnumerable<FrameChunk> Chunks(int seconds, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var sound = SyntheticAudio.Create(3, seconds);
        for (var first = 0; first < seconds * Fps; first += Fps)
        {
            await Task.Yield();
            var rgb = new byte[Fps * Width * Height * 3];
            for (var i = 0; i < Fps; i++) SyntheticClip.Frame(SyntheticClip.Kind.Shapes, 3, first + i, Width, Height).Pixels.CopyTo(rgb.AsMemory(i * Width * Height * 3));
            var from = (int)FrameChunk.SampleOfFrame(first, Fps) * 2;
            var to = (int)FrameChunk.SampleOfFrame(first + Fps, Fps) * 2;
            yield return new FrameChunk(Width, Height, rgb, sound.Samples[from..to].ToArray());
        }
    }

    public string Copy(string name, Func<byte[], byte[]> change)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllBytes(path, change(File.ReadAllBytes(SoraVideo)));
        return path;
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

public sealed class VerifyCommandTests(VerifyFixture fixture) : IClassFixture<VerifyFixture>
{
    [Fact]
    public async Task A_sora_video_is_authentic_and_exits_0()
    {
        var (exit, output) = await SoraProcess.RunAsync("verify", fixture.SoraVideo);

        Assert.True(exit == 0, output);
        Assert.Contains("Authentic Sora video", output);
        Assert.Contains(fixture.Written.VideoPayload.ToString("x16"), output);
    }

    [Fact]
    public async Task Json_report_names_manifest_and_both_marks()
    {
        var (exit, output) = await SoraProcess.RunAsync("verify", fixture.SoraVideo, "--json");

        Assert.True(exit == 0, output);
        var json = JsonDocument.Parse(output).RootElement;
        var c2pa = json.GetProperty("c2pa");
        Assert.True(c2pa.GetProperty("present").GetBoolean());
        Assert.True(c2pa.GetProperty("valid").GetBoolean());
        Assert.Contains("O=Sora (self-hosted)", c2pa.GetProperty("signer").GetString());
        Assert.Equal(ManifestDefinition.TrainedAlgorithmicMedia, c2pa.GetProperty("digitalSourceType").GetString());
        Assert.Equal("c2pa.created", c2pa.GetProperty("actions")[0].GetString());
        Assert.Equal(0, c2pa.GetProperty("ingredients").GetArrayLength());
        var video = json.GetProperty("watermark").GetProperty("video");
        Assert.True(video.GetProperty("detected").GetBoolean());
        Assert.Equal(fixture.Written.VideoPayload.ToString("x16"), video.GetProperty("payload").GetString());
        Assert.True(video.GetProperty("bitAccuracy").GetDouble() >= 0.98);
        var audio = json.GetProperty("watermark").GetProperty("audio");
        Assert.True(audio.GetProperty("detected").GetBoolean());
        Assert.Equal(fixture.Written.AudioPayload.ToString("x4"), audio.GetProperty("payload").GetString());
    }

    [Fact]
    public async Task Flipping_one_media_byte_is_tampering_and_exits_2()
    {
        var tampered = fixture.Copy("tampered.mp4", bytes =>
        {
            var mdat = Mp4Boxes.ReadTopLevel(bytes).First(b => b.Type == "mdat");
            bytes[mdat.PayloadOffset + (mdat.Size - mdat.HeaderSize) / 2] ^= 0x01;
            return bytes;
        });

        var (exit, output) = await SoraProcess.RunAsync("verify", tampered, "--json");

        Assert.True(exit == 2, output);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.False(json.GetProperty("c2pa").GetProperty("valid").GetBoolean());
        Assert.Contains(json.GetProperty("c2pa").GetProperty("failures").EnumerateArray(), f => f.GetString()!.StartsWith("assertion.bmffHash.mismatch"));
        Assert.True(json.GetProperty("watermark").GetProperty("video").GetProperty("detected").GetBoolean());
    }

    [Fact]
    public async Task A_re_encoded_sora_video_keeps_its_mark_but_lost_its_manifest_and_exits_2()
    {
        var reencoded = Path.Combine(fixture.Directory, "reencoded.mp4");
        await Ffmpeg.RunAsync(["-y", "-i", fixture.SoraVideo, "-c:v", "libx264", "-preset", "veryfast", "-crf", "28", "-c:a", "aac", reencoded]);

        var (exit, output) = await SoraProcess.RunAsync("verify", reencoded);

        Assert.True(exit == 2, output);
        Assert.Contains("manifest is missing", output);
    }

    [Fact]
    public async Task An_unmarked_video_exits_1()
    {
        var (exit, output) = await SoraProcess.RunAsync("verify", fixture.Unmarked);

        Assert.True(exit == 1, output);
        Assert.Contains("Not marked", output);
    }

    [Theory]
    [InlineData("empty", "the file is empty")]
    [InlineData("truncated", "truncated")]
    [InlineData("text", "not an MP4")]
    [InlineData("missing", "no such file")]
    public async Task Unreadable_input_gets_a_clear_message_and_exits_2(string kind, string message)
    {
        var path = kind switch
        {
            "empty" => fixture.Copy("empty.mp4", _ => []),
            "truncated" => fixture.Copy("truncated.mp4", bytes => bytes[..(bytes.Length / 2)]),
            "text" => fixture.Copy("notes.mp4", _ => "just some notes, not a video\n"u8.ToArray()),
            _ => Path.Combine(fixture.Directory, "does-not-exist.mp4"),
        };

        var (exit, output) = await SoraProcess.RunAsync("verify", path);

        Assert.True(exit == 2, output);
        Assert.Contains(message, output);
        Assert.DoesNotContain("Exception", output);
        Assert.DoesNotContain("   at ", output);
    }
}
