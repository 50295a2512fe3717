namespace Sora.Inference.Onnx;

/// <summary>Where ONNX Runtime runs a model: its CPU provider, or CUDA device <see cref="CudaDevice"/>.</summary>
public sealed record OnnxExecution(int? CudaDevice)
{
    public static OnnxExecution Cpu { get; } = new((int?)null);

    public static OnnxExecution Cuda(int device) => new(device);

    public override string ToString() => CudaDevice is { } device ? $"cuda:{device}" : "cpu";
}
