namespace Sora.Media.Encoding;

/// <summary>
/// What the live encoder writes besides the segments it streams: the finished faststart MP4 (the same encoded
/// samples as the segments) and, optionally, a poster JPEG of one frame.
/// </summary>
public sealed record LiveEncodeFiles(string FinalMp4)
{
    public PosterFrame? Poster { get; init; }
}

/// <summary>The frame (counted from 0) whose JPEG becomes the poster, and where it goes.</summary>
public sealed record PosterFrame(int FrameIndex, string JpegPath);
