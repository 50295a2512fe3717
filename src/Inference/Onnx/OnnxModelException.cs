namespace Sora.Inference.Onnx;

/// <summary>A model folder that does not meet Sora's ONNX model contract (docs/onnx-engine.md), or a request it cannot serve.</summary>
public sealed class OnnxModelException(string message, Exception? inner = null) : Exception(message, inner);
