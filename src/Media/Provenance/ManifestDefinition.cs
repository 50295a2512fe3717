namespace Sora.Media.Provenance;

/// <summary>What a Sora manifest says about one video; the signer turns it into C2PA assertions.</summary>
public sealed record ManifestDefinition
{
    public const string TrainedAlgorithmicMedia = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";

    public required string Title { get; init; }
    public string SoftwareName { get; init; } = "Sora";
    public string SoftwareVersion { get; init; } = typeof(ManifestDefinition).Assembly.GetName().Version?.ToString(3) ?? "0.1.0";
    public required GenerationInfo Generation { get; init; }
    /// <summary>The invisible marks embedded in the media (recorded as c2pa.watermarked actions).</summary>
    public IReadOnlyList<WatermarkInfo> Watermarks { get; init; } = [];
    /// <summary>Consent receipts of the cameos the video uses (filled by the cameo feature).</summary>
    public IReadOnlyList<CameoConsentReceipt> CameoConsents { get; init; } = [];
    /// <summary>For a remix: the parent MP4, whose manifest store is carried as a parentOf ingredient.</summary>
    public string? ParentFile { get; init; }
}

/// <summary>How the video was generated; <see cref="Prompt"/> is recorded only when the creator allowed it.</summary>
public sealed record GenerationInfo(string Engine, string EngineVersion, long Seed, string PlanHash, string? Prompt = null);

/// <summary>One invisible watermark: which kind (video/audio) and its payload as hex.</summary>
public sealed record WatermarkInfo(string Kind, string PayloadHex);

/// <summary>One cameo consent receipt as the consent service issued it.</summary>
public sealed record CameoConsentReceipt(string CameoId, string OwnerHandle, string ReceiptId, DateTimeOffset GrantedAt);
