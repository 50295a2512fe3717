namespace Sora.Inference.Onnx.Devices;

/// <summary>The two questions the GPU probe asks ONNX Runtime; both may throw when the runtime or CUDA is missing.</summary>
public interface IOnnxRuntimeDevices
{
    /// <summary>The execution providers this ONNX Runtime build was compiled with.</summary>
    IReadOnlyList<string> AvailableProviders();

    /// <summary>Opens (and closes) a session on CUDA device <paramref name="deviceId"/>; throws when that device cannot be used.</summary>
    void OpenCudaSession(int deviceId);
}
