namespace Sora.Media.Encoding;

/// <summary>
/// One piece of a fragmented MP4 as ffmpeg wrote it: the init segment (<c>ftyp</c> + <c>moov</c>, index -1) or media
/// fragment <see cref="Index"/> (<c>moof</c> + <c>mdat</c>) holding <see cref="VideoFrames"/> frames and their sound.
/// Init segment followed by fragments in order is a playable file, and what Media Source Extensions take.
/// </summary>
public sealed record Mp4Segment(int Index, byte[] Bytes, int VideoFrames)
{
    public const int InitIndex = -1;

    public bool IsInit => Index == InitIndex;
}
