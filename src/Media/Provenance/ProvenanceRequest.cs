namespace Sora.Media.Provenance;

/// <summary>What <see cref="ProvenanceWriter"/> needs to mark, encode and sign one video.</summary>
/// <param name="VideoId">The platform's id of the video; its hash goes into both invisible marks.</param>
/// <param name="Issuer">Which Sora instance issued the video (the low 16 bits of the video mark).</param>
/// <param name="CreatorHandle">Drawn in the visible mark under the wordmark.</param>
/// <param name="Manifest">What the C2PA manifest says; the writer fills in the marks it embedded.</param>
public sealed record ProvenanceRequest(string VideoId, ushort Issuer, string CreatorHandle, int Width, int Height, int Fps, ManifestDefinition Manifest)
{
    public int Crf { get; init; } = 20;
}

/// <summary>What was written: the signed file and the payloads its marks carry.</summary>
public sealed record ProvenanceResult(string File, ulong VideoPayload, ushort AudioPayload, long Frames, string ManifestLabel);
