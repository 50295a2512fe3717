using System.Buffers.Binary;
using System.Formats.Cbor;
using System.Security.Cryptography;

namespace Sora.Media.Provenance;

/// <summary>Writes a signed C2PA 2.x manifest store into an MP4: JUMBF in a top-level uuid box before mdat, BMFF hard binding, COSE_Sign1 ES256.</summary>
public static class C2paSigner
{
    public const string ActionsLabel = "c2pa.actions.v2";
    public const string BmffHashLabel = "c2pa.hash.bmff.v3";
    public const string GenerationLabel = "com.sora.generation";
    public const string CameoConsentLabel = "com.sora.cameo-consent";
    public const string SoftBindingLabel = "c2pa.soft-binding";
    public const string IngredientLabel = "c2pa.ingredient.v3";

    public static async Task SignAsync(string inputMp4, string outputMp4, ManifestDefinition manifest, SigningCredentials credentials, CancellationToken ct = default)
    {
        var input = await File.ReadAllBytesAsync(inputMp4, ct);
        byte[]? parent = manifest.ParentFile is null ? null : await File.ReadAllBytesAsync(manifest.ParentFile, ct);
        var output = Sign(input, manifest, credentials, parent);
        var temporary = outputMp4 + ".signing";
        await File.WriteAllBytesAsync(temporary, output, ct);
        File.Move(temporary, outputMp4, overwrite: true);
    }

    /// <summary>Signs an MP4 held in memory and returns the signed file.</summary>
    public static byte[] Sign(byte[] input, ManifestDefinition manifest, SigningCredentials credentials, byte[]? parentMp4 = null)
    {
        var boxes = Mp4Boxes.ReadTopLevel(input);
        if (C2paReader.FindManifestBox(input, boxes) is not null) throw new MediaFormatException("c2pa.alreadySigned", "the input already carries a C2PA manifest store");
        var insertAt = boxes[0].Type == "ftyp" ? boxes[0].End : 0;
        if (boxes.Exists(b => b.Type == "mdat" && b.Offset < insertAt)) throw new MediaFormatException("mp4.invalid", "mdat before ftyp");

        var parentStore = parentMp4 is null ? null : ParentStore(parentMp4);
        var label = $"urn:c2pa:{Guid.NewGuid()}";
        var instanceId = $"xmp:iid:{Guid.NewGuid()}";
        // Every part has a fixed size (SHA-256 hashes, P1363 signature), so a store built with a zero hash has the final size.
        var placeholder = BuildStore(manifest, credentials, label, instanceId, new byte[32], parentStore);
        var uuidBox = ManifestUuidBox(placeholder);

        var output = new byte[input.Length + uuidBox.Length];
        input.AsSpan(0, (int)insertAt).CopyTo(output);
        uuidBox.CopyTo(output, (int)insertAt);
        input.AsSpan((int)insertAt).CopyTo(output.AsSpan((int)insertAt + uuidBox.Length));
        Mp4Boxes.ShiftChunkOffsets(output, uuidBox.Length);

        var hash = BmffHash.Compute(output, BmffHash.DefaultExclusions);
        var store = BuildStore(manifest, credentials, label, instanceId, hash, parentStore);
        if (store.Length != placeholder.Length) throw new InvalidOperationException("manifest store size changed between placeholder and final");
        ManifestUuidBox(store).CopyTo(output, (int)insertAt);
        return output;
    }

    private static byte[] ManifestUuidBox(byte[] store)
    {
        var purpose = "manifest\0"u8;
        var payload = new byte[16 + 4 + purpose.Length + 8 + store.Length];
        BmffHash.C2paUuid.CopyTo(payload, 0);
        // version 0, flags 0 (4 bytes of zero), purpose, merkle offset 0.
        purpose.CopyTo(payload.AsSpan(20));
        store.CopyTo(payload, 20 + purpose.Length + 8);
        var box = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)box.Length);
        "uuid"u8.CopyTo(box.AsSpan(4));
        payload.CopyTo(box, 8);
        return box;
    }

    private static byte[] BuildStore(ManifestDefinition manifest, SigningCredentials credentials, string label, string instanceId, byte[] bmffHash, JumbfBox? parentStore)
    {
        var assertions = new List<(string Label, byte[] Box)>
        {
            (ActionsLabel, CborAssertion(ActionsLabel, Actions(manifest))),
            (GenerationLabel, CborAssertion(GenerationLabel, Generation(manifest.Generation))),
        };
        for (var i = 0; i < manifest.Watermarks.Count; i++)
        {
            var softBindingLabel = i == 0 ? SoftBindingLabel : $"{SoftBindingLabel}__{i}";
            assertions.Add((softBindingLabel, CborAssertion(softBindingLabel, SoftBinding(manifest.Watermarks[i]))));
        }
        // Always present, empty when no cameo appears, so a verifier can tell "no cameo" from "not recorded".
        assertions.Add((CameoConsentLabel, CborAssertion(CameoConsentLabel, CameoConsents(manifest.CameoConsents))));
        if (parentStore is not null) assertions.Add((IngredientLabel, CborAssertion(IngredientLabel, Ingredient(parentStore, manifest.ParentFile))));
        assertions.Add((BmffHashLabel, CborAssertion(BmffHashLabel, BmffHashAssertion(bmffHash))));

        var claim = Claim(manifest, label, instanceId, assertions);
        var signature = CoseSign1.Sign(claim, credentials);
        var manifestBox = Jumbf.SuperBox("c2ma", label,
            Jumbf.SuperBox("c2as", "c2pa.assertions", assertions.Select(a => a.Box).ToArray()),
            Jumbf.SuperBox("c2cl", "c2pa.claim.v2", Jumbf.Box("cbor", claim)),
            Jumbf.SuperBox("c2cs", "c2pa.signature", Jumbf.Box("cbor", signature)));
        var parentManifests = parentStore?.SuperBoxes.Select(m => Rebox(m)).ToArray() ?? [];
        return Jumbf.SuperBox("c2pa", "c2pa", [.. parentManifests, manifestBox]);
    }

    private static byte[] Rebox(JumbfBox box)
    {
        var bytes = new byte[8 + box.Contents.Length];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)bytes.Length);
        "jumb"u8.CopyTo(bytes.AsSpan(4));
        box.Contents.Span.CopyTo(bytes.AsSpan(8));
        return bytes;
    }

    private static JumbfBox ParentStore(byte[] parentMp4)
    {
        var store = C2paReader.ReadStore(parentMp4) ?? throw new MediaFormatException("c2pa.parentUnsigned", "the parent video carries no C2PA manifest");
        return store;
    }

    private static byte[] CborAssertion(string label, byte[] cbor) => Jumbf.SuperBox("cbor", label, Jumbf.Box("cbor", cbor));

    private static byte[] Actions(ManifestDefinition manifest)
    {
        var w = new CborWriter();
        w.WriteStartMap(1);
        w.WriteTextString("actions");
        w.WriteStartArray(1 + manifest.Watermarks.Count);
        w.WriteStartMap(3);
        w.WriteTextString("action"); w.WriteTextString("c2pa.created");
        w.WriteTextString("digitalSourceType"); w.WriteTextString(ManifestDefinition.TrainedAlgorithmicMedia);
        w.WriteTextString("softwareAgent"); SoftwareAgent(w, manifest);
        w.WriteEndMap();
        foreach (var mark in manifest.Watermarks)
        {
            w.WriteStartMap(3);
            w.WriteTextString("action"); w.WriteTextString("c2pa.watermarked");
            w.WriteTextString("softwareAgent"); SoftwareAgent(w, manifest);
            w.WriteTextString("parameters");
            w.WriteStartMap(2);
            w.WriteTextString("com.sora.watermark.kind"); w.WriteTextString(mark.Kind);
            w.WriteTextString("com.sora.watermark.payload"); w.WriteTextString(mark.PayloadHex);
            w.WriteEndMap();
            w.WriteEndMap();
        }
        w.WriteEndArray();
        w.WriteEndMap();
        return w.Encode();
    }

    private static void SoftwareAgent(CborWriter w, ManifestDefinition manifest)
    {
        w.WriteStartMap(3);
        w.WriteTextString("name"); w.WriteTextString(manifest.SoftwareName);
        w.WriteTextString("version"); w.WriteTextString(manifest.SoftwareVersion);
        w.WriteTextString("com.sora.engine"); w.WriteTextString($"{manifest.Generation.Engine} {manifest.Generation.EngineVersion}");
        w.WriteEndMap();
    }

    // The soft binding is what lets a manifest be found again from the watermark alone (the watermarked action requires one).
    private static byte[] SoftBinding(WatermarkInfo mark)
    {
        var w = new CborWriter();
        w.WriteStartMap(2);
        w.WriteTextString("alg"); w.WriteTextString($"com.sora.watermark.{mark.Kind}.v1");
        w.WriteTextString("blocks");
        w.WriteStartArray(1);
        w.WriteStartMap(2);
        w.WriteTextString("scope"); w.WriteStartMap(0); w.WriteEndMap();
        w.WriteTextString("value"); w.WriteTextString(Convert.ToBase64String(Convert.FromHexString(mark.PayloadHex)));
        w.WriteEndMap();
        w.WriteEndArray();
        w.WriteEndMap();
        return w.Encode();
    }

    private static byte[] Generation(GenerationInfo generation)
    {
        var w = new CborWriter();
        w.WriteStartMap(generation.Prompt is null ? 4 : 5);
        w.WriteTextString("engine"); w.WriteTextString(generation.Engine);
        w.WriteTextString("engineVersion"); w.WriteTextString(generation.EngineVersion);
        w.WriteTextString("seed"); w.WriteInt64(generation.Seed);
        w.WriteTextString("planHash"); w.WriteTextString(generation.PlanHash);
        if (generation.Prompt is not null) { w.WriteTextString("prompt"); w.WriteTextString(generation.Prompt); }
        w.WriteEndMap();
        return w.Encode();
    }

    private static byte[] CameoConsents(IReadOnlyList<CameoConsentReceipt> receipts)
    {
        var w = new CborWriter();
        w.WriteStartMap(1);
        w.WriteTextString("receipts");
        w.WriteStartArray(receipts.Count);
        foreach (var r in receipts)
        {
            w.WriteStartMap(4);
            w.WriteTextString("cameoId"); w.WriteTextString(r.CameoId);
            w.WriteTextString("owner"); w.WriteTextString(r.OwnerHandle);
            w.WriteTextString("receiptId"); w.WriteTextString(r.ReceiptId);
            w.WriteTextString("grantedAt"); w.WriteTextString(r.GrantedAt.ToString("O"));
            w.WriteEndMap();
        }
        w.WriteEndArray();
        w.WriteEndMap();
        return w.Encode();
    }

    private static byte[] Ingredient(JumbfBox parentStore, string? parentFile)
    {
        var active = parentStore.SuperBoxes[^1];
        var signature = active.Child("c2pa.signature") ?? throw new MediaFormatException("c2pa.parentInvalid", "the parent manifest has no signature");
        var w = new CborWriter();
        w.WriteStartMap(5);
        w.WriteTextString("title"); w.WriteTextString(parentFile is null ? "parent.mp4" : Path.GetFileName(parentFile));
        w.WriteTextString("format"); w.WriteTextString("video/mp4");
        w.WriteTextString("relationship"); w.WriteTextString("parentOf");
        w.WriteTextString("activeManifest"); HashedUri(w, $"self#jumbf=/c2pa/{active.Label}", active.Contents.Span);
        w.WriteTextString("claimSignature"); HashedUri(w, $"self#jumbf=/c2pa/{active.Label}/c2pa.signature", signature.Contents.Span);
        w.WriteEndMap();
        return w.Encode();
    }

    private static void HashedUri(CborWriter w, string url, ReadOnlySpan<byte> contents)
    {
        w.WriteStartMap(3);
        w.WriteTextString("url"); w.WriteTextString(url);
        w.WriteTextString("alg"); w.WriteTextString("sha256");
        w.WriteTextString("hash"); w.WriteByteString(SHA256.HashData(contents));
        w.WriteEndMap();
    }

    private static byte[] BmffHashAssertion(byte[] hash)
    {
        var w = new CborWriter();
        w.WriteStartMap(4);
        w.WriteTextString("exclusions");
        w.WriteStartArray(BmffHash.DefaultExclusions.Count);
        foreach (var exclusion in BmffHash.DefaultExclusions)
        {
            w.WriteStartMap(exclusion.DataValue is null ? 1 : 2);
            w.WriteTextString("xpath"); w.WriteTextString(exclusion.XPath);
            if (exclusion.DataValue is not null)
            {
                w.WriteTextString("data");
                w.WriteStartArray(1);
                w.WriteStartMap(2);
                w.WriteTextString("offset"); w.WriteInt64(exclusion.DataOffset ?? 0);
                w.WriteTextString("value"); w.WriteByteString(exclusion.DataValue);
                w.WriteEndMap();
                w.WriteEndArray();
            }
            w.WriteEndMap();
        }
        w.WriteEndArray();
        w.WriteTextString("alg"); w.WriteTextString("sha256");
        w.WriteTextString("hash"); w.WriteByteString(hash);
        w.WriteTextString("name"); w.WriteTextString("jumbf manifest");
        w.WriteEndMap();
        return w.Encode();
    }

    private static byte[] Claim(ManifestDefinition manifest, string label, string instanceId, List<(string Label, byte[] Box)> assertions)
    {
        var w = new CborWriter();
        w.WriteStartMap(6);
        w.WriteTextString("instanceID"); w.WriteTextString(instanceId);
        w.WriteTextString("claim_generator_info");
        w.WriteStartMap(2);
        w.WriteTextString("name"); w.WriteTextString(manifest.SoftwareName);
        w.WriteTextString("version"); w.WriteTextString(manifest.SoftwareVersion);
        w.WriteEndMap();
        w.WriteTextString("signature"); w.WriteTextString($"self#jumbf=/c2pa/{label}/c2pa.signature");
        w.WriteTextString("created_assertions");
        w.WriteStartArray(assertions.Count);
        foreach (var (assertionLabel, box) in assertions) HashedUri(w, $"self#jumbf=c2pa.assertions/{assertionLabel}", Jumbf.ContentsOf(box));
        w.WriteEndArray();
        w.WriteTextString("alg"); w.WriteTextString("sha256");
        w.WriteTextString("dc:title"); w.WriteTextString(manifest.Title);
        w.WriteEndMap();
        return w.Encode();
    }
}
