namespace Sora.Silo.Generation;

/// <summary>The ONNX model this silo runs (a folder as docs/onnx-engine.md describes), and whether its CPU slots may run it.</summary>
public sealed record OnnxEngineOptions(string? ModelFolder, bool OnCpu = false)
{
    public static OnnxEngineOptions None { get; } = new((string?)null);
}
