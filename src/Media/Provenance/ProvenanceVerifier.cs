using Sora.Media.Watermark;

namespace Sora.Media.Provenance;

/// <summary>The answer of <c>sora verify</c>; the numbers are its exit codes.</summary>
public enum ProvenanceVerdict
{
    /// <summary>A valid Sora manifest, and every mark it declares is in the media with the declared payload.</summary>
    Authentic = 0,
    /// <summary>Neither a manifest nor any of our marks.</summary>
    NotMarked = 1,
    /// <summary>Marked, but the manifest is missing, invalid, or disagrees with the marks; or the file is unreadable.</summary>
    TamperedOrInvalid = 2,
}

/// <summary>Everything <see cref="ProvenanceVerifier"/> found in one file.</summary>
public sealed record ProvenanceReport(
    ProvenanceVerdict Verdict,
    C2paReport C2pa,
    VideoWatermarkResult? Video,
    AudioWatermarkResult? Audio,
    IReadOnlyList<string> Findings,
    string? Error = null);

/// <summary>Checks a file the way <c>sora verify</c> does: our C2PA validation, then both watermark detectors, then whether they agree.</summary>
public static class ProvenanceVerifier
{
    public static async Task<ProvenanceReport> VerifyAsync(string path, CancellationToken ct = default)
    {
        var none = new C2paReport { Present = false };
        if (!File.Exists(path)) return Unreadable(none, $"no such file: {path}");
        C2paReport c2pa;
        try
        {
            c2pa = C2paReader.Verify(await File.ReadAllBytesAsync(path, ct));
        }
        catch (MediaFormatException error)
        {
            return Unreadable(none, $"{error.Message} [{error.Code}]");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return Unreadable(none, $"cannot read {path}: {error.Message}");
        }

        var findings = new List<string>();
        var video = await TryAsync(() => VideoWatermarkDetector.DetectFileAsync(path, ct: ct), "video", findings);
        var audio = await TryAsync(() => AudioWatermarkDetector.DetectFileAsync(path, ct), "audio", findings);
        var videoFound = video is { Detected: true };
        var audioFound = audio is { Detected: true };

        if (!c2pa.Present && !videoFound && !audioFound)
        {
            findings.Add("no C2PA manifest and no Sora watermark");
            return new ProvenanceReport(ProvenanceVerdict.NotMarked, c2pa, video, audio, findings);
        }
        if (c2pa.Present && c2pa.Valid && c2pa.DeclaredWatermarks.Count == 0 && !videoFound && !audioFound)
        {
            findings.Add($"a valid C2PA manifest from {c2pa.ClaimGenerator ?? "an unknown generator"}, but no Sora watermark");
            return new ProvenanceReport(ProvenanceVerdict.NotMarked, c2pa, video, audio, findings);
        }

        var problems = new List<string>();
        if (!c2pa.Present) problems.Add("the Sora watermark is present but the C2PA manifest is missing (re-encoded or stripped)");
        else if (!c2pa.Valid) problems.AddRange(c2pa.Failures.Select(f => "C2PA: " + f));
        if (c2pa.Present && c2pa.DeclaredWatermarks.Count == 0) problems.Add("the manifest declares no Sora watermark, yet the media carries one");
        foreach (var (kind, declared) in c2pa.DeclaredWatermarks)
        {
            var found = kind switch
            {
                "video" => video is { Detected: true, Payload: { } v } ? v.ToString("x16") : null,
                "audio" => audio is { Detected: true, Payload: { } a } ? a.ToString("x4") : null,
                _ => null,
            };
            if (found is null) problems.Add($"the manifest declares a {kind} watermark that the media does not carry");
            else if (!string.Equals(found, declared, StringComparison.OrdinalIgnoreCase))
                problems.Add($"the {kind} watermark carries {found}, the manifest declares {declared}");
        }
        findings.AddRange(problems);
        var verdict = problems.Count == 0 ? ProvenanceVerdict.Authentic : ProvenanceVerdict.TamperedOrInvalid;
        return new ProvenanceReport(verdict, c2pa, video, audio, findings);
    }

    private static ProvenanceReport Unreadable(C2paReport none, string message) =>
        new(ProvenanceVerdict.TamperedOrInvalid, none, null, null, [message], message);

    // A file may lack a stream (no audio) or hold one ffmpeg cannot decode; that is a finding, not a crash.
    private static async Task<T?> TryAsync<T>(Func<Task<T>> detect, string kind, List<string> findings) where T : class
    {
        try
        {
            return await detect();
        }
        catch (InvalidOperationException error)
        {
            findings.Add($"no {kind} mark could be read: {FirstLine(error.Message)}");
            return null;
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
