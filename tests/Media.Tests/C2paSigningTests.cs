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

    [Fact]
    public async Task Manifest_carries_every_sora_assertion_and_keeps_a_private_prompt_out()
    {
        var dir = TestMedia.Scratch("c2pa-assertions");
        var input = await TestMedia.SyntheticMp4Async(dir);
        using var credentials = SigningCredentials.LoadOrCreate(dir);
        var signed = Path.Combine(dir, "signed.mp4");
        var definition = Definition() with { Generation = new GenerationInfo("World", "0.1.0", 7, "sha256:def456"), CameoConsents = [] };
        await C2paSigner.SignAsync(input, signed, definition, credentials);

        var report = await TestMedia.ReadWithC2paRsAsync(signed);
        var manifest = report.GetProperty("manifests").GetProperty(report.GetProperty("active_manifest").GetString()!);
        var assertions = manifest.GetProperty("assertions").EnumerateArray()
            .GroupBy(a => a.GetProperty("label").GetString()!).ToDictionary(g => g.Key, g => g.First().GetProperty("data"));
        var actions = assertions["c2pa.actions.v2"].GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal("c2pa.created", actions[0].GetProperty("action").GetString());
        Assert.Equal("Sora", actions[0].GetProperty("softwareAgent").GetProperty("name").GetString());
        Assert.Equal(2, actions.Count(a => a.GetProperty("action").GetString() == "c2pa.watermarked"));
        var generation = assertions[C2paSigner.GenerationLabel];
        Assert.Equal("World", generation.GetProperty("engine").GetString());
        Assert.Equal(7, generation.GetProperty("seed").GetInt64());
        Assert.Equal("sha256:def456", generation.GetProperty("planHash").GetString());
        Assert.False(generation.TryGetProperty("prompt", out _));
        Assert.Equal(0, assertions[C2paSigner.CameoConsentLabel].GetProperty("receipts").GetArrayLength());

        var ours = C2paReader.Verify(signed);
        Assert.Equal("0123456789abcdef", ours.DeclaredWatermarks["video"]);
        Assert.Equal("beef", ours.DeclaredWatermarks["audio"]);
    }

    [Fact]
    public async Task Remix_carries_its_parent_manifest_as_a_parentOf_ingredient()
    {
        var dir = TestMedia.Scratch("c2pa-remix");
        var input = await TestMedia.SyntheticMp4Async(dir);
        using var credentials = SigningCredentials.LoadOrCreate(dir);
        var parent = Path.Combine(dir, "parent.mp4");
        await C2paSigner.SignAsync(input, parent, Definition("The original"), credentials);
        var parentLabel = C2paReader.Verify(parent).ManifestLabel;
        var remix = Path.Combine(dir, "remix.mp4");
        await C2paSigner.SignAsync(input, remix, Definition("The remix") with { ParentFile = parent }, credentials);

        var report = await TestMedia.ReadWithC2paRsAsync(remix);
        var failures = report.GetProperty("validation_results").GetProperty("activeManifest").GetProperty("failure")
            .EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
        Assert.True(failures.All(f => f == "signingCredential.untrusted"), report.ToString());
        var manifest = report.GetProperty("manifests").GetProperty(report.GetProperty("active_manifest").GetString()!);
        var ingredient = Assert.Single(manifest.GetProperty("ingredients").EnumerateArray());
        Assert.Equal("parentOf", ingredient.GetProperty("relationship").GetString());
        Assert.Equal(parentLabel, ingredient.GetProperty("active_manifest").GetString());
        Assert.True(report.GetProperty("manifests").TryGetProperty(parentLabel!, out _));
        Assert.Contains("parentOf: parent.mp4", C2paReader.Verify(remix).Ingredients);
    }

    [Fact]
    public async Task Pem_files_from_configuration_sign_instead_of_the_local_ca()
    {
        var elsewhere = TestMedia.Scratch("c2pa-pem-source");
        using (SigningCredentials.LoadOrCreate(elsewhere, "Example Newsroom")) { }
        var data = TestMedia.Scratch("c2pa-pem-data");
        var options = new SigningKeyOptions
        {
            DataDirectory = data,
            CertificateChainPemPath = Path.Combine(elsewhere, "keys", "signer.pem"),
            PrivateKeyPemPath = Path.Combine(elsewhere, "keys", "signer.key"),
        };
        using var credentials = SigningCredentials.Load(options);
        var input = await TestMedia.SyntheticMp4Async(data);
        var signed = Path.Combine(data, "signed.mp4");
        await C2paSigner.SignAsync(input, signed, Definition(), credentials);

        Assert.False(Directory.Exists(Path.Combine(data, "keys")));
        var ours = C2paReader.Verify(signed);
        Assert.True(ours.Valid, string.Join("; ", ours.Failures));
        Assert.Contains("O=Example Newsroom", ours.Signer);
        var wrongKey = options with { PrivateKeyPemPath = Path.Combine(elsewhere, "keys", "intermediate.key") };
        Assert.Equal("keys.invalid", Assert.Throws<MediaFormatException>(() => SigningCredentials.Load(wrongKey)).Code);
        Assert.Equal("keys.incomplete", Assert.Throws<MediaFormatException>(() => SigningCredentials.Load(options with { PrivateKeyPemPath = null })).Code);
    }
}
