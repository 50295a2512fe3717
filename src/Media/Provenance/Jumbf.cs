using System.Buffers.Binary;
using System.Text;

namespace Sora.Media.Provenance;

/// <summary>A parsed JUMBF superbox: its description (type, label) and its child boxes, kept as raw bytes for hashing.</summary>
public sealed class JumbfBox
{
    public required string TypeFourCc { get; init; }
    public required string Label { get; init; }
    /// <summary>The superbox contents (jumd + children), which is what hashed URIs cover.</summary>
    public required ReadOnlyMemory<byte> Contents { get; init; }
    public List<JumbfBox> SuperBoxes { get; } = [];
    /// <summary>Content boxes (non-jumb), by box type, e.g. "cbor".</summary>
    public List<(string Type, ReadOnlyMemory<byte> Payload)> ContentBoxes { get; } = [];

    public JumbfBox? Child(string label) => SuperBoxes.FirstOrDefault(b => b.Label == label);
}

/// <summary>Writes and reads JUMBF (ISO 19566-5) superboxes as C2PA uses them.</summary>
public static class Jumbf
{
    /// <summary>The JUMBF type UUID for a C2PA box type: four ASCII letters then 0011-0010-8000-00AA00389B71.</summary>
    public static byte[] TypeUuid(string fourCc)
    {
        var uuid = new byte[16];
        System.Text.Encoding.ASCII.GetBytes(fourCc, uuid);
        byte[] tail = [0x00, 0x11, 0x00, 0x10, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
        tail.CopyTo(uuid, 4);
        return uuid;
    }

    public static byte[] Box(string type, params ReadOnlySpan<byte[]> parts)
    {
        var length = 8 + parts.ToArray().Sum(p => p.Length);
        var box = new byte[length];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)length);
        System.Text.Encoding.ASCII.GetBytes(type, box.AsSpan(4, 4));
        var at = 8;
        foreach (var part in parts) { part.CopyTo(box, at); at += part.Length; }
        return box;
    }

    /// <summary>A superbox: jumd (type, requestable + labelled, label) followed by the given boxes.</summary>
    public static byte[] SuperBox(string typeFourCc, string label, params ReadOnlySpan<byte[]> children)
    {
        var labelBytes = System.Text.Encoding.UTF8.GetBytes(label);
        var description = new byte[16 + 1 + labelBytes.Length + 1];
        TypeUuid(typeFourCc).CopyTo(description, 0);
        description[16] = 0x03;
        labelBytes.CopyTo(description, 17);
        var all = new byte[children.Length + 1][];
        all[0] = Box("jumd", description);
        children.CopyTo(all.AsSpan(1));
        return Box("jumb", all);
    }

    /// <summary>What a hashed URI to a superbox covers: the box without its 8-byte jumb header.</summary>
    public static ReadOnlySpan<byte> ContentsOf(byte[] superBox) => superBox.AsSpan(8);

    public static JumbfBox Parse(ReadOnlyMemory<byte> superBox)
    {
        var span = superBox.Span;
        if (span.Length < 8) throw new MediaFormatException("c2pa.jumbf", "truncated JUMBF box");
        var size = BinaryPrimitives.ReadUInt32BigEndian(span);
        if (System.Text.Encoding.Latin1.GetString(span.Slice(4, 4)) != "jumb" || size > span.Length || size < 8)
            throw new MediaFormatException("c2pa.jumbf", "malformed JUMBF superbox");
        var contents = superBox[8..(int)size];
        var children = Mp4Boxes.Read(contents.Span, 0, contents.Length);
        if (children.Count == 0 || children[0].Type != "jumd") throw new MediaFormatException("c2pa.jumbf", "JUMBF superbox without a description box");
        var jumd = contents.Span[(int)children[0].PayloadOffset..(int)children[0].End];
        if (jumd.Length < 17) throw new MediaFormatException("c2pa.jumbf", "truncated JUMBF description");
        var fourCc = System.Text.Encoding.Latin1.GetString(jumd[..4]);
        var toggles = jumd[16];
        var label = "";
        if ((toggles & 0x02) != 0)
        {
            var rest = jumd[17..];
            var nul = rest.IndexOf((byte)0);
            if (nul < 0) throw new MediaFormatException("c2pa.jumbf", "JUMBF label without a terminator");
            label = System.Text.Encoding.UTF8.GetString(rest[..nul]);
        }
        var box = new JumbfBox { TypeFourCc = fourCc, Label = label, Contents = contents };
        foreach (var child in children.Skip(1))
        {
            var bytes = contents[(int)child.Offset..(int)child.End];
            if (child.Type == "jumb") box.SuperBoxes.Add(Parse(bytes));
            else box.ContentBoxes.Add((child.Type, contents[(int)child.PayloadOffset..(int)child.End]));
        }
        return box;
    }
}
