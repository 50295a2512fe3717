using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Sora.Inference;
using Sora.Inference.Onnx;
using Sora.Inference.Onnx.Devices;
using Sora.Media.Provenance;

namespace Sora.Silo.Cli.Generate;

/// <summary>
/// One <c>sora generate --engine onnx</c>: the model folder runs on CUDA device 0 when ONNX Runtime can use one,
/// otherwise on its CPU provider; the video is marked and signed as the World engine's are.
/// </summary>
public sealed class OnnxGenerateRun(GenerateSettings settings, TextWriter output)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var outFile = settings.OutFile ?? throw new InvalidOperationException("the settings were not checked: --engine onnx needs --out");
        var gpus = CudaDeviceProbe.ThisMachine();
        var execution = gpus.Count > 0 ? OnnxExecution.Cuda(0) : OnnxExecution.Cpu;
        output.WriteLine(gpus.Count > 0 ? $"running {settings.OnnxModel} on {execution}" : $"running {settings.OnnxModel} on the CPU ({gpus.Reason})");
        using var model = OnnxVideoModel.Load(settings.OnnxModel!, execution);

        var request = new GenerationRequest(settings.Prompt, settings.Seconds, settings.Width, settings.Height, settings.Fps, settings.Seed, settings.Style)
        {
            ChunkFrames = settings.Fps,
        };
        using var credentials = SigningCredentials.Load(new SigningKeyOptions { DataDirectory = settings.DataDirectory });
        // As for World videos, the id follows from what is made, so the same run gives the same marks.
        var recipe = $"{model.Settings.Name} {model.Settings.Version}\n{settings.Prompt}\n{request.Seed}\n{request.Width}x{request.Height}@{request.Fps}\n{settings.Handle}";
        var videoId = "cli_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(recipe)))[..32];
        var provenance = new ProvenanceRequest(videoId, GenerateRun.CliIssuer, settings.Handle, request.Width, request.Height, request.Fps,
            new ManifestDefinition
            {
                Title = Path.GetFileName(outFile),
                Generation = new GenerationInfo(model.Settings.Name, model.Settings.Version, request.Seed, "none"),
            });

        var clock = Stopwatch.StartNew();
        ProvenanceResult result;
        try
        {
            result = await GenerateProgress.RunAsync(request.FrameCount, output, progress => new ProvenanceWriter(credentials).WriteAsync(
                GenerateRun.Chunks(new OnnxVideoEngine(model).GenerateAsync(request, cancellationToken), progress, cancellationToken),
                provenance, outFile, ct: cancellationToken));
        }
        catch
        {
            File.Delete(outFile);
            throw;
        }
        var seconds = result.Frames / (double)request.Fps;
        output.WriteLine($"{outFile}: {result.Frames} frames, {seconds:0.##} s, wall {clock.Elapsed.TotalSeconds:0.0} s");
    }
}
