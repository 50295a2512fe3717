using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sora.Media.Provenance;

/// <summary>What our own C2PA validation found in a file.</summary>
public sealed record C2paReport
{
    public bool Present { get; init; }
    public bool Valid { get; init; }
    public string? ManifestLabel { get; init; }
    public string? Signer { get; init; }
    public string? Issuer { get; init; }
    public string? ClaimGenerator { get; init; }
    public string? DigitalSourceType { get; init; }
    public List<string> Actions { get; init; } = [];
    public List<string> Ingredients { get; init; } = [];
    /// <summary>The invisible marks the manifest declares (c2pa.watermarked actions): kind ("video"/"audio") → payload as hex.</summary>
    public Dictionary<string, string> DeclaredWatermarks { get; init; } = [];
    /// <summary>Labels of the active manifest's assertions, in store order.</summary>
    public List<string> AssertionLabels { get; init; } = [];
    /// <summary>C2PA status codes for what passed (e.g. assertion.bmffHash.match).</summary>
    public List<string> Successes { get; init; } = [];
    /// <summary>C2PA status codes for what failed (e.g. assertion.bmffHash.mismatch), with a short explanation.</summary>
    public List<string> Failures { get; init; } = [];
}

/// <summary>Finds, parses and validates the C2PA manifest store of an MP4: assertion hashes, COSE signature, certificate profile, BMFF hash.</summary>
public static class C2paReader
{
    public static C2paReport Verify(string path) => Verify(File.ReadAllBytes(path));

    /// <summary>Validates an MP4 in memory; a file that is not a readable MP4 throws <see cref="MediaFormatException"/>.</summary>
    public static C2paReport Verify(byte[] file)
    {
        var boxes = Mp4Boxes.ReadTopLevel(file);
        var store = ReadStore(file, boxes);
        if (store is null) return new C2paReport { Present = false };
        if (store.SuperBoxes.Count == 0) throw new MediaFormatException("c2pa.invalid", "the C2PA manifest store holds no manifest");

        var active = store.SuperBoxes[^1];
        var successes = new List<string>();
        var failures = new List<string>();
        var assertionStore = active.Child("c2pa.assertions") ?? throw new MediaFormatException("c2pa.invalid", "manifest without assertions");
        var claimBox = active.Child("c2pa.claim.v2") ?? active.Child("c2pa.claim") ?? throw new MediaFormatException("claim.missing", "manifest without a claim");
        var signatureBox = active.Child("c2pa.signature") ?? throw new MediaFormatException("claimSignature.missing", "manifest without a signature");
        var claim = CborOf(claimBox);

        var (signatureValid, chain) = CoseSign1.Verify(CborOf(signatureBox), claim.Span);
        if (signatureValid) successes.Add("claimSignature.validated"); else failures.Add("claimSignature.mismatch: the claim signature does not verify");
        var leaf = chain[0];
        if (DateTime.UtcNow >= leaf.NotBefore.ToUniversalTime() && DateTime.UtcNow <= leaf.NotAfter.ToUniversalTime()) successes.Add("claimSignature.insideValidity");
        else failures.Add("signingCredential.expired: the signing certificate is outside its validity period");
        if (CertificateProfileProblem(leaf) is { } problem) failures.Add($"signingCredential.invalid: {problem}");

        var report = new C2paReport { Present = true, ManifestLabel = active.Label, Signer = leaf.Subject, Issuer = leaf.Issuer };
        var claimMap = new CborReader(claim, CborConformanceMode.Lax);
        string? generator = null;
        var assertionRefs = new List<(string Url, byte[] Hash)>();
        ReadClaim(claimMap, ref generator, assertionRefs);

        foreach (var (url, hash) in assertionRefs)
        {
            var label = url[(url.LastIndexOf('/') + 1)..];
            var assertion = assertionStore.Child(label);
            if (assertion is null) { failures.Add($"assertion.missing: {label}"); continue; }
            if (SHA256.HashData(assertion.Contents.Span).AsSpan().SequenceEqual(hash)) successes.Add($"assertion.hashedURI.match: {label}");
            else failures.Add($"assertion.hashedURI.mismatch: {label}");
        }

        var bmff = assertionStore.SuperBoxes.FirstOrDefault(a => a.Label.StartsWith("c2pa.hash.bmff", StringComparison.Ordinal));
        if (bmff is null) failures.Add("claim.hardBindings.missing: no BMFF hash assertion");
        else
        {
            var (exclusions, expected) = ReadBmffAssertion(CborOf(bmff));
            var actual = BmffHash.Compute(file, exclusions);
            if (actual.AsSpan().SequenceEqual(expected)) successes.Add("assertion.bmffHash.match");
            else failures.Add("assertion.bmffHash.mismatch: the media bytes differ from what was signed");
        }

        var actions = new List<string>();
        var declared = new Dictionary<string, string>();
        string? sourceType = null;
        if (assertionStore.SuperBoxes.FirstOrDefault(a => a.Label.StartsWith("c2pa.actions", StringComparison.Ordinal)) is { } actionsBox)
            ReadActions(CborOf(actionsBox), actions, declared, ref sourceType);
        var ingredients = assertionStore.SuperBoxes.Where(a => a.Label.StartsWith("c2pa.ingredient", StringComparison.Ordinal))
            .Select(a => IngredientSummary(CborOf(a))).ToList();

        return report with
        {
            Valid = failures.Count == 0,
            ClaimGenerator = generator,
            DigitalSourceType = sourceType,
            Actions = actions,
            Ingredients = ingredients,
            DeclaredWatermarks = declared,
            AssertionLabels = assertionStore.SuperBoxes.Select(a => a.Label).ToList(),
            Successes = successes,
            Failures = failures,
        };
    }

    /// <summary>The manifest store superbox of an MP4, or null when the file has none.</summary>
    public static JumbfBox? ReadStore(byte[] file) => ReadStore(file, Mp4Boxes.ReadTopLevel(file));

    internal static Mp4Box? FindManifestBox(ReadOnlySpan<byte> file, List<Mp4Box> boxes)
    {
        foreach (var box in boxes)
            if (box.Type == "uuid" && file.Slice((int)box.Offset + box.HeaderSize - 16, 16).SequenceEqual(BmffHash.C2paUuid)) return box;
        return null;
    }

    private static JumbfBox? ReadStore(byte[] file, List<Mp4Box> boxes)
    {
        if (FindManifestBox(file, boxes) is not { } box) return null;
        var payload = file.AsMemory((int)box.PayloadOffset, (int)(box.End - box.PayloadOffset));
        const int preamble = 4 + 9 + 8; // version/flags, "manifest\0", merkle offset
        if (payload.Length < preamble || !payload.Span.Slice(4, 9).SequenceEqual("manifest\0"u8))
            throw new MediaFormatException("c2pa.invalid", "the C2PA uuid box is not a manifest box");
        return Jumbf.Parse(payload[preamble..]);
    }

    private static ReadOnlyMemory<byte> CborOf(JumbfBox box)
    {
        foreach (var (type, content) in box.ContentBoxes) if (type == "cbor") return content;
        throw new MediaFormatException("c2pa.invalid", $"'{box.Label}' has no CBOR content");
    }

    /// <summary>The signer-certificate rules C2PA validators apply; null when the leaf satisfies them.</summary>
    public static string? CertificateProfileProblem(X509Certificate2 leaf)
    {
        if (leaf.Version != 3) return "not an X.509 v3 certificate";
        var basic = leaf.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
        if (basic is { CertificateAuthority: true }) return "the signer is a CA certificate";
        var usage = leaf.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        if (usage is null || !usage.KeyUsages.HasFlag(X509KeyUsageFlags.DigitalSignature) || usage.KeyUsages.HasFlag(X509KeyUsageFlags.KeyCertSign))
            return "key usage must include digitalSignature and not keyCertSign";
        var eku = leaf.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault();
        if (eku is null || !eku.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Any(o => o.Value is SigningCredentials.DocumentSigningOid or SigningCredentials.EmailProtectionOid or "1.3.6.1.4.1.62558.2.1"))
            return "extended key usage must allow document signing";
        if (!leaf.Extensions.OfType<X509AuthorityKeyIdentifierExtension>().Any()) return "no authority key identifier";
        if (!leaf.SubjectName.Name.Contains("O=", StringComparison.Ordinal)) return "the subject names no organization";
        return null;
    }

    private static void ReadClaim(CborReader reader, ref string? generator, List<(string Url, byte[] Hash)> refs)
    {
        var count = reader.ReadStartMap();
        for (var i = 0; count is null ? reader.PeekState() != CborReaderState.EndMap : i < count; i++)
        {
            var key = reader.ReadTextString();
            switch (key)
            {
                case "claim_generator_info" when reader.PeekState() == CborReaderState.StartMap:
                    var info = ReadStringMap(reader);
                    generator = $"{info.GetValueOrDefault("name")} {info.GetValueOrDefault("version")}".Trim();
                    break;
                case "created_assertions" or "gathered_assertions" or "assertions":
                    reader.ReadStartArray();
                    while (reader.PeekState() != CborReaderState.EndArray) refs.Add(ReadHashedUri(reader));
                    reader.ReadEndArray();
                    break;
                default:
                    reader.SkipValue();
                    break;
            }
        }
    }

    private static (string Url, byte[] Hash) ReadHashedUri(CborReader reader)
    {
        string url = "";
        byte[] hash = [];
        var count = reader.ReadStartMap();
        for (var i = 0; count is null ? reader.PeekState() != CborReaderState.EndMap : i < count; i++)
        {
            var key = reader.ReadTextString();
            if (key == "url") url = reader.ReadTextString();
            else if (key == "hash") hash = reader.ReadByteString();
            else reader.SkipValue();
        }
        reader.ReadEndMap();
        return (url, hash);
    }

    private static Dictionary<string, string> ReadStringMap(CborReader reader)
    {
        var map = new Dictionary<string, string>();
        var count = reader.ReadStartMap();
        for (var i = 0; count is null ? reader.PeekState() != CborReaderState.EndMap : i < count; i++)
        {
            var key = reader.ReadTextString();
            if (reader.PeekState() == CborReaderState.TextString) map[key] = reader.ReadTextString();
            else reader.SkipValue();
        }
        reader.ReadEndMap();
        return map;
    }

    private static (List<BmffExclusion> Exclusions, byte[] Hash) ReadBmffAssertion(ReadOnlyMemory<byte> cbor)
    {
        var reader = new CborReader(cbor, CborConformanceMode.Lax);
        var exclusions = new List<BmffExclusion>();
        byte[] hash = [];
        var count = reader.ReadStartMap();
        for (var i = 0; count is null ? reader.PeekState() != CborReaderState.EndMap : i < count; i++)
        {
            var key = reader.ReadTextString();
            if (key == "hash") hash = reader.ReadByteString();
            else if (key == "alg" && reader.ReadTextString() != "sha256") throw new MediaFormatException("algorithm.unsupported", "only sha256 BMFF hashes are supported");
            else if (key == "exclusions")
            {
                reader.ReadStartArray();
                while (reader.PeekState() != CborReaderState.EndArray) exclusions.Add(ReadExclusion(reader));
                reader.ReadEndArray();
            }
            else if (key == "merkle") throw new MediaFormatException("c2pa.unsupported", "Merkle-tree BMFF hashes (fragmented MP4) are not supported");
            else if (key != "alg") reader.SkipValue();
        }
        if (exclusions.Any(e => e.XPath.Count(c => c == '/') != 1))
            throw new MediaFormatException("c2pa.unsupported", "BMFF exclusions below the top level are not supported");
        return (exclusions, hash);
    }

    private static BmffExclusion ReadExclusion(CborReader reader)
    {
        string xpath = "";
        long? offset = null;
        byte[]? value = null;
        var count = reader.ReadStartMap();
        for (var i = 0; count is null ? reader.PeekState() != CborReaderState.EndMap : i < count; i++)
        {
            var key = reader.ReadTextString();
            if (key == "xpath") xpath = reader.ReadTextString();
            else if (key == "data" && reader.PeekState() == CborReaderState.StartArray)
            {
                reader.ReadStartArray();
                while (reader.PeekState() != CborReaderState.EndArray)
                {
                    var n = reader.ReadStartMap();
                    for (var j = 0; n is null ? reader.PeekState() != CborReaderState.EndMap : j < n; j++)
                    {
                        var k = reader.ReadTextString();
                        if (k == "offset") offset = reader.ReadInt64();
                        else if (k == "value") value = reader.ReadByteString();
                        else reader.SkipValue();
                    }
                    reader.ReadEndMap();
                }
                reader.ReadEndArray();
            }
            else if (reader.PeekState() == CborReaderState.Null) reader.ReadNull();
            else if (key is "length" or "subset" or "version" or "flags")
                throw new MediaFormatException("c2pa.unsupported", $"BMFF exclusion field '{key}' is not supported");
            else reader.SkipValue();
        }
        reader.ReadEndMap();
        return new BmffExclusion(xpath, offset, value);
    }

    private static void ReadActions(ReadOnlyMemory<byte> cbor, List<string> actions, Dictionary<string, string> watermarks, ref string? sourceType)
    {
        var reader = new CborReader(cbor, CborConformanceMode.Lax);
        var count = reader.ReadStartMap();
        for (var i = 0; count is null ? reader.PeekState() != CborReaderState.EndMap : i < count; i++)
        {
            if (reader.ReadTextString() != "actions") { reader.SkipValue(); continue; }
            reader.ReadStartArray();
            while (reader.PeekState() != CborReaderState.EndArray)
            {
                var n = reader.ReadStartMap();
                for (var j = 0; n is null ? reader.PeekState() != CborReaderState.EndMap : j < n; j++)
                {
                    var key = reader.ReadTextString();
                    if (key == "action") actions.Add(reader.ReadTextString());
                    else if (key == "digitalSourceType") sourceType ??= reader.ReadTextString();
                    else if (key == "parameters" && reader.PeekState() == CborReaderState.StartMap)
                    {
                        var parameters = ReadStringMap(reader);
                        if (parameters.TryGetValue("com.sora.watermark.kind", out var kind) && parameters.TryGetValue("com.sora.watermark.payload", out var payload))
                            watermarks[kind] = payload;
                    }
                    else reader.SkipValue();
                }
                reader.ReadEndMap();
            }
            reader.ReadEndArray();
        }
    }

    private static string IngredientSummary(ReadOnlyMemory<byte> cbor)
    {
        var reader = new CborReader(cbor, CborConformanceMode.Lax);
        var map = ReadStringMap(reader);
        return $"{map.GetValueOrDefault("relationship", "?")}: {map.GetValueOrDefault("title", "?")}";
    }
}
