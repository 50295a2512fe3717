using System.CommandLine;
using Sora.Abstractions.Generation;
using Sora.Inference;
using Sora.Inference.Onnx;
using Sora.Inference.World.Planning;
using Sora.Inference.World.Sound.Speech;
using Sora.Media.Provenance;
using Sora.Silo.Cli.Generate;

namespace Sora.Silo.Cli;

/// <summary>
/// <c>sora generate</c>: a video from a prompt (or an edited plan) without a server, through the same engine → marks →
/// encode → sign path the server uses. Exit 0 on success, 2 for bad flags or an invalid plan, 130 when interrupted.
/// </summary>
public static class GenerateCommand
{
    public const int Interrupted = 130;

    public static Command Create()
    {
        var prompt = new Option<string>("--prompt") { Description = "What happens in the video (English or German)" };
        var output = new Option<string>("--out") { Description = "The MP4 to write" };
        var seconds = new Option<double>("--seconds") { Description = "Length in seconds (1-20)", DefaultValueFactory = _ => 5 };
        var size = new Option<string>("--size") { Description = "Frame size, e.g. 854x480", DefaultValueFactory = _ => "854x480" };
        var fps = new Option<int>("--fps") { Description = "Frames per second (24 or 30)", DefaultValueFactory = _ => 24 };
        var seed = new Option<long>("--seed") { Description = "Same seed, same video", DefaultValueFactory = _ => 0 };
        var style = new Option<string>("--style") { Description = $"One of {string.Join(", ", Catalog.Styles)}" };
        var data = new Option<string>("--data") { Description = "Data folder (signing keys)", DefaultValueFactory = _ => "./data" };
        var plan = new Option<string>("--plan") { Description = "Render this (edited) plan JSON instead of planning from the prompt" };
        var planOut = new Option<string>("--plan-out") { Description = "Write the scene plan JSON here (alone: only the plan)" };
        var traceOut = new Option<string>("--trace-out") { Description = "Write the simulation trace JSON here" };
        var contactSheet = new Option<string>("--contact-sheet") { Description = "Write a PNG with one frame of the prompt in every style" };
        var handle = new Option<string>("--handle") { Description = "Creator handle drawn in the visible watermark", DefaultValueFactory = _ => "@local" };
        var engine = new Option<string>("--engine") { Description = "world (default) or onnx", DefaultValueFactory = _ => "world" };
        var onnxModel = new Option<string>("--onnx-model") { Description = "Folder of the ONNX video model for --engine onnx (docs/onnx-engine.md)" };
        var command = new Command("generate", "Make a video from a prompt without a server")
        {
            prompt, output, seconds, size, fps, seed, style, data, plan, planOut, traceOut, contactSheet, handle, engine, onnxModel,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            try
            {
                var settings = GenerateSettings.Parse(parsed.GetValue(prompt), parsed.GetValue(output), parsed.GetValue(seconds), parsed.GetValue(size)!,
                    parsed.GetValue(fps), parsed.GetValue(seed), parsed.GetValue(style), Path.GetFullPath(parsed.GetValue(data)!), parsed.GetValue(plan),
                    parsed.GetValue(planOut), parsed.GetValue(traceOut), parsed.GetValue(contactSheet), parsed.GetValue(handle)!,
                    parsed.GetValue(engine)!, parsed.GetValue(onnxModel));
                if (settings.Engine == EngineKind.Onnx) await new OnnxGenerateRun(settings, Console.Out).RunAsync(cancellationToken);
                else await new GenerateRun(settings, Console.Out, Console.Error).RunAsync(cancellationToken);
                return 0;
            }
            catch (GenerateUsageException error)
            {
                Console.Error.WriteLine($"sora generate: {error.Message}");
                return SoraCommandLine.UsageError;
            }
            catch (PlanValidationException error)
            {
                Console.Error.WriteLine($"sora generate: invalid plan {parsed.GetValue(plan)}: {error.Path}: {error.Problem}");
                return SoraCommandLine.UsageError;
            }
            catch (UnsupportedRequestException error)
            {
                Console.Error.WriteLine($"sora generate: --{error.Field}: {error.Message}");
                return SoraCommandLine.UsageError;
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine("sora generate: interrupted; partial files removed");
                return Interrupted;
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or MediaFormatException or ArgumentException or OnnxModelException or SpeechEngineMissingException
                or FFMpegCore.Exceptions.FFMpegException)
            {
                Console.Error.WriteLine($"sora generate: {error.Message}");
                return 1;
            }
        });
        return command;
    }
}
