using Microsoft.ML.OnnxRuntime;
using Sora.Inference.Onnx.Graphs;

namespace Sora.Inference.Onnx.Devices;

/// <summary>Asks the real ONNX Runtime, with a one-node model, whether a CUDA device can run a session.</summary>
public sealed class OnnxRuntimeDevices : IOnnxRuntimeDevices
{
    public const string CudaProvider = "CUDAExecutionProvider";

    private static readonly Lazy<byte[]> ProbeModel = new(() => new OnnxGraphBuilder("sora-cuda-probe")
        .Input("x", OnnxGraphBuilder.ElementType.Float, 1)
        .Output("y", OnnxGraphBuilder.ElementType.Float, 1)
        .Node("Identity", ["x"], ["y"])
        .ToBytes());

    /// <summary>The library the driver installs (the toolkit's runtime, libcudart, comes with ONNX Runtime's provider instead).</summary>
    public static string DriverLibrary { get; } = OperatingSystem.IsWindows() ? "nvcuda.dll" : "libcuda.so.1";

    public bool HasNvidiaDriver()
    {
        if (!System.Runtime.InteropServices.NativeLibrary.TryLoad(DriverLibrary, out var handle)) return false;
        System.Runtime.InteropServices.NativeLibrary.Free(handle);
        return true;
    }

    public IReadOnlyList<string> AvailableProviders() => OrtEnv.Instance().GetAvailableProviders();

    public void OpenCudaSession(int deviceId)
    {
        // The probe expects failures on machines without CUDA, and reports them itself: ONNX Runtime's own error log
        // (process-wide, printed to stderr) would only repeat them in red.
        var environment = OrtEnv.Instance();
        var level = environment.EnvLogLevel;
        environment.EnvLogLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL;
        try
        {
            using var options = new SessionOptions { LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL };
            options.AppendExecutionProvider_CUDA(deviceId);
            using var session = new InferenceSession(ProbeModel.Value, options);
        }
        finally
        {
            environment.EnvLogLevel = level;
        }
    }
}
