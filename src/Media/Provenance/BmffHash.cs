using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Sora.Media.Provenance;

/// <summary>One top-level exclusion of a c2pa.hash.bmff assertion: a box type, optionally only when bytes at an offset match.</summary>
public sealed record BmffExclusion(string XPath, long? DataOffset = null, byte[]? DataValue = null);

/// <summary>The BMFF hard binding (v2/v3 hashing of a flat MP4): each kept top-level box contributes its 8-byte offset, then its bytes.</summary>
public static class BmffHash
{
    public static readonly byte[] C2paUuid = Convert.FromHexString("D8FEC3D61B0E483C92975828877EC481");

    /// <summary>The exclusions C2PA requires: our own manifest uuid box, ftyp, mfra.</summary>
    public static IReadOnlyList<BmffExclusion> DefaultExclusions { get; } =
    [
        new("/uuid", 8, C2paUuid),
        new("/ftyp"),
        new("/mfra"),
    ];

    public static byte[] Compute(ReadOnlySpan<byte> file, IReadOnlyList<BmffExclusion> exclusions)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> offset = stackalloc byte[8];
        foreach (var box in Mp4Boxes.Read(file, 0, file.Length))
        {
            var excluded = false;
            foreach (var exclusion in exclusions) excluded |= Excludes(exclusion, box, file);
            if (excluded) continue;
            BinaryPrimitives.WriteUInt64BigEndian(offset, (ulong)box.Offset);
            hash.AppendData(offset);
            hash.AppendData(file.Slice((int)box.Offset, (int)box.Size));
        }
        return hash.GetHashAndReset();
    }

    private static bool Excludes(BmffExclusion exclusion, Mp4Box box, ReadOnlySpan<byte> file)
    {
        if (exclusion.XPath != "/" + box.Type) return false;
        if (exclusion.DataValue is null) return true;
        var at = box.Offset + (exclusion.DataOffset ?? 0);
        return at + exclusion.DataValue.Length <= box.End && file.Slice((int)at, exclusion.DataValue.Length).SequenceEqual(exclusion.DataValue);
    }
}
