using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sora.Media.Provenance;
using Spectre.Console;

namespace Sora.Silo.Cli;

/// <summary>
/// <c>sora verify FILE [--json]</c>: C2PA manifest, signature and hash validation plus both watermark detectors.
/// Exit 0: an authentic Sora video; 1: not marked; 2: marked but tampered or invalid, or not a readable MP4.
/// </summary>
public static class VerifyCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The video to check (MP4)" };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var command = new Command("verify", "Check a video's C2PA manifest and watermarks") { file, json };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var path = parsed.GetValue(file)!;
            ProvenanceReport report;
            try
            {
                report = await ProvenanceVerifier.VerifyAsync(path, cancellationToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The verifier reports what it understands; anything else still gets a sentence, never a stack trace.
                Console.Error.WriteLine($"sora verify: {path}: {error.Message}");
                return (int)ProvenanceVerdict.TamperedOrInvalid;
            }
            if (parsed.GetValue(json)) Console.WriteLine(ToJson(path, report).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            else PrintSummary(path, report);
            return (int)report.Verdict;
        });
        return command;
    }

    public static JsonObject ToJson(string path, ProvenanceReport report) => new()
    {
        ["file"] = path,
        ["verdict"] = Verdict(report.Verdict),
        ["c2pa"] = new JsonObject
        {
            ["present"] = report.C2pa.Present,
            ["valid"] = report.C2pa.Present && report.C2pa.Valid,
            ["signer"] = report.C2pa.Signer,
            ["issuer"] = report.C2pa.Issuer,
            ["claimGenerator"] = report.C2pa.ClaimGenerator,
            ["digitalSourceType"] = report.C2pa.DigitalSourceType,
            ["actions"] = new JsonArray([.. report.C2pa.Actions.Select(a => JsonValue.Create(a))]),
            ["ingredients"] = new JsonArray([.. report.C2pa.Ingredients.Select(i => JsonValue.Create(i))]),
            ["failures"] = new JsonArray([.. report.C2pa.Failures.Select(f => JsonValue.Create(f))]),
        },
        ["watermark"] = new JsonObject
        {
            ["video"] = Mark(report.Video?.Detected ?? false, report.Video?.Payload?.ToString("x16"), report.Video?.BitAccuracy ?? 0, report.Video?.SyncScore ?? 0),
            ["audio"] = Mark(report.Audio?.Detected ?? false, report.Audio?.Payload?.ToString("x4"), report.Audio?.BitAccuracy ?? 0, report.Audio?.SyncScore ?? 0),
        },
        ["findings"] = new JsonArray([.. report.Findings.Select(f => JsonValue.Create(f))]),
        ["error"] = report.Error,
    };

    private static JsonObject Mark(bool detected, string? payload, double bitAccuracy, double syncScore) => new()
    {
        ["detected"] = detected,
        // A payload is only meaningful when the mark was detected (sync above threshold and CRC match).
        ["payload"] = detected ? payload : null,
        ["bitAccuracy"] = detected ? Math.Round(bitAccuracy, 4) : 0,
        ["syncScore"] = Math.Round(syncScore, 2),
    };

    private static string Verdict(ProvenanceVerdict verdict) => verdict switch
    {
        ProvenanceVerdict.Authentic => "authentic",
        ProvenanceVerdict.NotMarked => "notMarked",
        _ => "tamperedOrInvalid",
    };

    private static void PrintSummary(string path, ProvenanceReport report)
    {
        var console = AnsiConsole.Console;
        var (colour, headline) = report.Verdict switch
        {
            ProvenanceVerdict.Authentic => ("green", "Authentic Sora video: signed manifest and watermarks agree"),
            ProvenanceVerdict.NotMarked => ("yellow", "Not marked: no Sora manifest or watermark found"),
            _ => ("red", report.Error is null ? "Marked, but tampered or invalid" : "Cannot verify: not a readable MP4"),
        };
        console.MarkupLine($"[bold {colour}]{Markup.Escape(headline)}[/]  {Markup.Escape(path)}");
        if (report.Error is not null)
        {
            console.MarkupLine($"  {Markup.Escape(report.Error)}");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("Check").AddColumn("Result");
        var c2pa = report.C2pa;
        table.AddRow("C2PA manifest", !c2pa.Present ? "[yellow]absent[/]" : c2pa.Valid ? "[green]valid[/]" : "[red]invalid[/]");
        if (c2pa.Present)
        {
            table.AddRow("Signer", Markup.Escape(c2pa.Signer ?? "?"));
            table.AddRow("Generator", Markup.Escape(c2pa.ClaimGenerator ?? "?"));
            table.AddRow("Source type", Markup.Escape(c2pa.DigitalSourceType ?? "?"));
            table.AddRow("Actions", Markup.Escape(string.Join(", ", c2pa.Actions)));
            if (c2pa.Ingredients.Count > 0) table.AddRow("Ingredients", Markup.Escape(string.Join(", ", c2pa.Ingredients)));
        }
        table.AddRow("Video watermark", report.Video is { Detected: true } v
            ? $"[green]detected[/] payload {v.Payload:x16}, bit accuracy {v.BitAccuracy:P1}"
            : $"[yellow]not detected[/]{(report.Video is { } nv ? $" (sync {nv.SyncScore:F1})" : "")}");
        table.AddRow("Audio watermark", report.Audio is { Detected: true } a
            ? $"[green]detected[/] payload {a.Payload:x4}, bit accuracy {a.BitAccuracy:P1}"
            : $"[yellow]not detected[/]{(report.Audio is { } na ? $" (sync {na.SyncScore:F1})" : "")}");
        console.Write(table);
        foreach (var finding in report.Findings) console.MarkupLine($"  • {Markup.Escape(finding)}");
    }
}
