using System.Buffers.Binary;
using System.Text;

namespace Sora.Media.Provenance;

/// <summary>One ISO BMFF box as found in a file: where it starts, how long it is, and its header length.</summary>
public readonly record struct Mp4Box(string Type, long Offset, long Size, int HeaderSize)
{
    public long End => Offset + Size;
    public long PayloadOffset => Offset + HeaderSize;
}

/// <summary>Walks ISO BMFF (MP4) boxes in memory and patches the chunk offsets that move when a box is inserted.</summary>
public static class Mp4Boxes
{
    private static readonly string[] ChunkOffsetPath = ["moov", "trak", "mdia", "minf", "stbl"];

    /// <summary>Reads the boxes between <paramref name="start"/> and <paramref name="end"/>; a box that overruns its parent is a format error.</summary>
    public static List<Mp4Box> Read(ReadOnlySpan<byte> data, long start, long end)
    {
        var boxes = new List<Mp4Box>();
        var position = start;
        while (position < end)
        {
            if (end - position < 8) throw new MediaFormatException("mp4.truncated", $"truncated box header at byte {position}");
            var size = (long)BinaryPrimitives.ReadUInt32BigEndian(data[(int)position..]);
            var type = System.Text.Encoding.Latin1.GetString(data.Slice((int)position + 4, 4));
            var header = 8;
            if (size == 1)
            {
                if (end - position < 16) throw new MediaFormatException("mp4.truncated", $"truncated large box header at byte {position}");
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(data[((int)position + 8)..]);
                header = 16;
            }
            else if (size == 0)
            {
                size = end - position;
            }
            if (type == "uuid") header += 16;
            if (size < header) throw new MediaFormatException("mp4.invalid", $"box '{Printable(type)}' at byte {position} has an impossible size {size}");
            if (position + size > end) throw new MediaFormatException("mp4.truncated", $"box '{Printable(type)}' at byte {position} runs past the end of the file (truncated?)");
            boxes.Add(new Mp4Box(type, position, size, header));
            position += size;
        }
        return boxes;
    }

    /// <summary>Top-level boxes of a whole file, with the checks that tell an MP4 from anything else.</summary>
    public static List<Mp4Box> ReadTopLevel(ReadOnlySpan<byte> file)
    {
        if (file.Length == 0) throw new MediaFormatException("mp4.empty", "the file is empty");
        if (file.Length < 8) throw new MediaFormatException("mp4.truncated", "the file is too short to be an MP4");
        var first = System.Text.Encoding.Latin1.GetString(file.Slice(4, 4));
        if (first is not ("ftyp" or "styp" or "moov" or "uuid" or "free" or "mdat" or "wide"))
            throw new MediaFormatException("mp4.notMp4", "not an MP4 file (no ftyp box at the start)");
        var boxes = Read(file, 0, file.Length);
        if (!boxes.Exists(b => b.Type == "moov")) throw new MediaFormatException("mp4.invalid", "MP4 without a moov box");
        return boxes;
    }

    /// <summary>Adds <paramref name="delta"/> to every stco/co64 chunk offset of every track, in place.</summary>
    public static void ShiftChunkOffsets(Span<byte> file, long delta)
    {
        foreach (var top in Read(file, 0, file.Length))
            if (top.Type == "moov") ShiftIn(file, top, 0, delta);
    }

    private static void ShiftIn(Span<byte> file, Mp4Box parent, int depth, long delta)
    {
        foreach (var box in Read(file, parent.PayloadOffset, parent.End))
        {
            if (depth + 1 < ChunkOffsetPath.Length && box.Type == ChunkOffsetPath[depth + 1])
            {
                ShiftIn(file, box, depth + 1, delta);
            }
            else if (depth == ChunkOffsetPath.Length - 1 && box.Type is "stco" or "co64")
            {
                var p = (int)box.PayloadOffset + 4;
                var count = BinaryPrimitives.ReadUInt32BigEndian(file[p..]);
                p += 4;
                var width = box.Type == "stco" ? 4 : 8;
                if (p + count * (long)width > box.End) throw new MediaFormatException("mp4.invalid", $"{box.Type} entry count overruns its box");
                for (var i = 0; i < count; i++, p += width)
                {
                    if (width == 4)
                    {
                        var shifted = BinaryPrimitives.ReadUInt32BigEndian(file[p..]) + delta;
                        if (shifted is < 0 or > uint.MaxValue) throw new MediaFormatException("mp4.tooLarge", "chunk offset no longer fits in stco");
                        BinaryPrimitives.WriteUInt32BigEndian(file[p..], (uint)shifted);
                    }
                    else
                    {
                        BinaryPrimitives.WriteUInt64BigEndian(file[p..], (ulong)((long)BinaryPrimitives.ReadUInt64BigEndian(file[p..]) + delta));
                    }
                }
            }
        }
    }

    private static string Printable(string type) => new(type.Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());
}
