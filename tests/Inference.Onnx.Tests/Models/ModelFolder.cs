namespace Sora.Inference.Onnx.Tests.Models;

/// <summary>A temporary folder for the models a test writes, removed afterwards.</summary>
public sealed class ModelFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("sora-onnx-test-").FullName;

    public string Write(TinyVideoModel model) => model.WriteTo(Path);

    public OnnxVideoModel Load(TinyVideoModel model) => OnnxVideoModel.Load(Write(model), OnnxExecution.Cpu);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
