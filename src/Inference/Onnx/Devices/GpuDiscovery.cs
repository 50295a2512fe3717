namespace Sora.Inference.Onnx.Devices;

/// <summary>How many CUDA devices ONNX Runtime can use here, and why not more (null when nothing stopped the count early).</summary>
public sealed record GpuDiscovery(int Count, string? Reason);
