using System.Buffers.Binary;
using FFMpegCore.Pipes;
using Sora.Media.Provenance;

namespace Sora.Media.Encoding;

/// <summary>
/// Reads ffmpeg's fragmented MP4 output box by box and hands over each segment the moment its last box is complete:
/// the init segment once <c>moov</c> is read, a segment once its fragments (<c>moof</c> + <c>mdat</c> pairs, one per
/// frame as ffmpeg writes them) hold <c>framesPerSegment</c> video frames (<c>firstSegmentFrames</c> less one for the first, see
/// <see cref="FragmentedMp4Encoder"/>), and the rest at the end.
/// </summary>
internal sealed class SegmentPipeSink(int videoTrackId, int firstSegmentFrames, int framesPerSegment, Func<Mp4Segment, CancellationToken, ValueTask> segmentWritten) : IPipeSink
{
    private const long MaxBoxSize = 1L << 30;

    public string GetStreamArguments() => "-f mp4";

    public async Task ReadAsync(Stream inputStream, CancellationToken cancellationToken)
    {
        var pending = new MemoryStream();
        var segments = 0;
        var pendingFrames = 0;
        var header = new byte[16];
        while (true)
        {
            var read = await inputStream.ReadAtLeastAsync(header.AsMemory(0, 8), 8, throwOnEndOfStream: false, cancellationToken);
            if (read == 0) break;
            if (read < 8) throw new MediaFormatException("mp4.truncated", "ffmpeg's output ended inside a box header");
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var type = System.Text.Encoding.Latin1.GetString(header, 4, 4);
            var headerLength = 8;
            if (size == 1)
            {
                await inputStream.ReadExactlyAsync(header.AsMemory(8, 8), cancellationToken);
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(8));
                headerLength = 16;
            }
            if (size < headerLength || size > MaxBoxSize) throw new MediaFormatException("mp4.invalid", $"ffmpeg wrote a '{type}' box of impossible size {size}");

            var box = new byte[size];
            header.AsSpan(0, headerLength).CopyTo(box);
            await inputStream.ReadExactlyAsync(box.AsMemory(headerLength), cancellationToken);
            if (type == "mfra") continue; // a random-access index at the very end; the fragments do not need it

            pending.Write(box);
            if (type == "moov")
            {
                await segmentWritten(new Mp4Segment(Mp4Segment.InitIndex, pending.ToArray(), 0), cancellationToken);
                pending.SetLength(0);
            }
            else if (type == "moof")
            {
                pendingFrames += CountSamples(box, videoTrackId);
            }
            else if (type == "mdat" && pendingFrames >= (segments == 0 ? firstSegmentFrames - 1 : framesPerSegment))
            {
                await segmentWritten(new Mp4Segment(segments++, pending.ToArray(), pendingFrames), cancellationToken);
                pending.SetLength(0);
                pendingFrames = 0;
            }
        }
        if (pending.Length > 0) await segmentWritten(new Mp4Segment(segments, pending.ToArray(), pendingFrames), cancellationToken);
    }

    /// <summary>Samples of one track in a <c>moof</c>: the sum of its <c>trun</c> sample counts.</summary>
    internal static int CountSamples(ReadOnlySpan<byte> fragment, int trackId)
    {
        var samples = 0;
        foreach (var moof in Mp4Boxes.Read(fragment, 0, fragment.Length))
        {
            if (moof.Type != "moof") continue;
            foreach (var traf in Mp4Boxes.Read(fragment, moof.PayloadOffset, moof.End))
            {
                if (traf.Type != "traf") continue;
                var children = Mp4Boxes.Read(fragment, traf.PayloadOffset, traf.End);
                var tfhd = children.Find(b => b.Type == "tfhd");
                // full box: version+flags (4 bytes), then track_ID
                if (tfhd.Type is null || BinaryPrimitives.ReadUInt32BigEndian(fragment[(int)(tfhd.PayloadOffset + 4)..]) != trackId) continue;
                foreach (var trun in children.Where(b => b.Type == "trun"))
                    samples += (int)BinaryPrimitives.ReadUInt32BigEndian(fragment[(int)(trun.PayloadOffset + 4)..]);
            }
        }
        return samples;
    }
}
