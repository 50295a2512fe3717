using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sora.Media.Provenance;

/// <summary>COSE_Sign1 (RFC 9052) with a detached payload, ES256 and an x5chain header, as C2PA claim signatures use it.</summary>
public static class CoseSign1
{
    private const int AlgLabel = 1;
    private const int X5ChainLabel = 33;
    private const int Es256 = -7;

    public static byte[] Sign(ReadOnlySpan<byte> payload, SigningCredentials credentials)
    {
        var header = new CborWriter();
        header.WriteStartMap(2);
        header.WriteInt32(AlgLabel);
        header.WriteInt32(Es256);
        header.WriteInt32(X5ChainLabel);
        header.WriteStartArray(credentials.Chain.Count);
        foreach (var certificate in credentials.Chain) header.WriteByteString(certificate.RawData);
        header.WriteEndArray();
        header.WriteEndMap();
        var protectedHeader = header.Encode();

        // ECDsa.SignData yields IEEE P1363 r||s, the form COSE requires.
        var signature = credentials.Key.SignData(ToBeSigned(protectedHeader, payload), HashAlgorithmName.SHA256);

        var writer = new CborWriter();
        writer.WriteTag((CborTag)18);
        writer.WriteStartArray(4);
        writer.WriteByteString(protectedHeader);
        writer.WriteStartMap(0);
        writer.WriteEndMap();
        writer.WriteNull();
        writer.WriteByteString(signature);
        writer.WriteEndArray();
        return writer.Encode();
    }

    /// <summary>Checks the signature over <paramref name="payload"/>; returns the chain (leaf first) it was made with.</summary>
    public static (bool Valid, List<X509Certificate2> Chain) Verify(ReadOnlyMemory<byte> cose, ReadOnlySpan<byte> payload)
    {
        var reader = new CborReader(cose, CborConformanceMode.Lax);
        if (reader.PeekState() == CborReaderState.Tag && reader.ReadTag() != (CborTag)18)
            throw new MediaFormatException("claimSignature.invalid", "the claim signature is not a COSE_Sign1");
        if (reader.ReadStartArray() != 4) throw new MediaFormatException("claimSignature.invalid", "malformed COSE_Sign1");
        var protectedHeader = reader.ReadByteString();
        var chain = new List<X509Certificate2>();
        var alg = 0;
        ReadHeader(new CborReader(protectedHeader, CborConformanceMode.Lax), chain, ref alg);
        ReadHeader(reader, chain, ref alg);
        if (reader.PeekState() == CborReaderState.Null) reader.ReadNull(); else reader.SkipValue();
        var signature = reader.ReadByteString();
        if (alg != Es256) throw new MediaFormatException("claimSignature.invalid", $"unsupported COSE algorithm {alg} (only ES256)");
        if (chain.Count == 0) throw new MediaFormatException("signingCredential.invalid", "the signature carries no certificate");
        using var key = chain[0].GetECDsaPublicKey() ?? throw new MediaFormatException("signingCredential.invalid", "the signing certificate has no EC key");
        var valid = key.VerifyData(ToBeSigned(protectedHeader, payload), signature, HashAlgorithmName.SHA256);
        return (valid, chain);
    }

    private static void ReadHeader(CborReader reader, List<X509Certificate2> chain, ref int alg)
    {
        var count = reader.ReadStartMap();
        for (var i = 0; count is null ? reader.PeekState() != CborReaderState.EndMap : i < count; i++)
        {
            if (reader.PeekState() is CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger)
            {
                var label = reader.ReadInt32();
                if (label == AlgLabel) { alg = reader.ReadInt32(); continue; }
                if (label == X5ChainLabel)
                {
                    if (reader.PeekState() == CborReaderState.ByteString)
                        chain.Add(X509CertificateLoader.LoadCertificate(reader.ReadByteString()));
                    else
                    {
                        reader.ReadStartArray();
                        while (reader.PeekState() != CborReaderState.EndArray) chain.Add(X509CertificateLoader.LoadCertificate(reader.ReadByteString()));
                        reader.ReadEndArray();
                    }
                    continue;
                }
            }
            else reader.SkipValue();
            reader.SkipValue();
        }
        reader.ReadEndMap();
    }

    private static byte[] ToBeSigned(byte[] protectedHeader, ReadOnlySpan<byte> payload)
    {
        var writer = new CborWriter();
        writer.WriteStartArray(4);
        writer.WriteTextString("Signature1");
        writer.WriteByteString(protectedHeader);
        writer.WriteByteString([]);
        writer.WriteByteString(payload);
        writer.WriteEndArray();
        return writer.Encode();
    }
}
