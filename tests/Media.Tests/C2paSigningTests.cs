using System.Text.Json;
using Sora.Media.Provenance;

namespace Sora.Media.Tests;

public sealed class C2paSigningTests
{
    internal static ManifestDefinition Definition(string title = "A glass falls") => new()
    {
        Title = title,
        Generation = new GenerationInfo("World", "0.1.0", 42, "sha256:abc123", Prompt: "a glass falls off a table"),
        Watermarks = [new WatermarkInfo("video", "0123456789abcdef"), new WatermarkInfo("audio", "beef")],
        CameoConsents = [new CameoConsentReceipt("cameo-1", "@ada", "receipt-9", DateTimeOffset.Parse("2026-11-24T10:00:00Z"))],
    };

    [Fact]
    public async Task Signed_video_validates_in_c2pa_rs_with_only_the_untrusted_signer_failing()
    {
        var dir = TestMedia.Scratch("c2pa");
        var input = await TestMedia.SyntheticMp4Async(dir);
        using var credentials = SigningCredentials.LoadOrCreate(dir);
        var signed = Path.Combine(dir, "signed.mp4");
        await C2paSigner.SignAsync(input, signed, Definition(), credentials);

        var report = await TestMedia.ReadWithC2paRsAsync(signed);
        Assert.False(report.TryGetProperty("error", out var error), error.ToString());
        var results = report.GetProperty("validation_results").GetProperty("activeManifest");
        var failures = results.GetProperty("failure").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
        var successes = results.GetProperty("success").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
        Assert.True(failures.SequenceEqual(["signingCredential.untrusted"]), report.ToString());
        Assert.Contains("assertion.bmffHash.match", successes);
        Assert.Contains("claimSignature.validated", successes);
        var manifest = report.GetProperty("manifests").GetProperty(report.GetProperty("active_manifest").GetString()!);
        var actions = manifest.GetProperty("assertions").EnumerateArray().First(a => a.GetProperty("label").GetString() == "c2pa.actions.v2");
        var created = actions.GetProperty("data").GetProperty("actions")[0];
        Assert.Equal("c2pa.created", created.GetProperty("action").GetString());
        Assert.Equal(ManifestDefinition.TrainedAlgorithmicMedia, created.GetProperty("digitalSourceType").GetString());

        var ours = C2paReader.Verify(signed);
        Assert.True(ours.Valid, string.Join("; ", ours.Failures));
    }

    [Fact]
    public async Task Flipping_one_mdat_byte_is_a_hash_mismatch_for_c2pa_rs_and_for_us()
    {
        var dir = TestMedia.Scratch("c2pa-tamper");
        var input = await TestMedia.SyntheticMp4Async(dir);
        using var credentials = SigningCredentials.LoadOrCreate(dir);
        var signed = Path.Combine(dir, "signed.mp4");
        await C2paSigner.SignAsync(input, signed, Definition(), credentials);
        var bytes = await File.ReadAllBytesAsync(signed);
        var mdat = Mp4Boxes.ReadTopLevel(bytes).First(b => b.Type == "mdat");
        bytes[mdat.PayloadOffset + (mdat.Size - mdat.HeaderSize) / 2] ^= 0x01;
        var tampered = Path.Combine(dir, "tampered.mp4");
        await File.WriteAllBytesAsync(tampered, bytes);

        var report = await TestMedia.ReadWithC2paRsAsync(tampered);
        var failures = report.GetProperty("validation_results").GetProperty("activeManifest").GetProperty("failure")
            .EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
        Assert.Contains("assertion.bmffHash.mismatch", failures);

        var ours = C2paReader.Verify(tampered);
        Assert.False(ours.Valid);
        Assert.Contains(ours.Failures, f => f.StartsWith("assertion.bmffHash.mismatch"));
    }

    [Fact]
    public void First_run_creates_keys_readable_only_by_the_owner()
    {
        var dir = TestMedia.Scratch("keys");
        using (var created = SigningCredentials.LoadOrCreate(dir)) Assert.Null(C2paReader.CertificateProfileProblem(created.Leaf));
        foreach (var key in Directory.GetFiles(Path.Combine(dir, "keys"), "*.key"))
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        using var again = SigningCredentials.LoadOrCreate(dir);
        Assert.Equal(2, again.Chain.Count);
    }
}
