namespace Sora.Inference.Onnx.Devices;

/// <summary>The questions the GPU probe asks the machine and ONNX Runtime; the runtime's may throw when it or CUDA is missing.</summary>
public interface IOnnxRuntimeDevices
{
    /// <summary>Whether the NVIDIA driver's CUDA library loads: without it no GPU can be used, whatever the runtime has.</summary>
    bool HasNvidiaDriver();

    /// <summary>The execution providers this ONNX Runtime build was compiled with.</summary>
    IReadOnlyList<string> AvailableProviders();

    /// <summary>Opens (and closes) a session on CUDA device <paramref name="deviceId"/>; throws when that device cannot be used.</summary>
    void OpenCudaSession(int deviceId);
}
