using Sora.Inference.Onnx.Graphs;
using Sora.Inference.Onnx.Tests.Models;

namespace Sora.Inference.Onnx.Tests;

/// <summary>A model folder that breaks the contract is refused at load time with a message that names the problem.</summary>
public sealed class OnnxModelContractTests : IDisposable
{
    private readonly ModelFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_model_that_meets_the_contract_reports_its_settings()
    {
        using var model = _folder.Load(new TinyVideoModel { Steps = 6, Fps = 24 });

        Assert.Equal(("tiny-test-model", "1.0", 6, 24), (model.Settings.Name, model.Settings.Version, model.Settings.Steps, model.Settings.Fps));
        Assert.Equal((3, 9, 16), (model.Layout.Channels, model.Layout.Height, model.Layout.Width));
        Assert.Equal(TinyVideoModel.TextLength, model.Tokenizer.Length);
    }

    [Fact]
    public void A_missing_input_is_named() =>
        AssertRefused(new TinyVideoModel { TimestepInput = "sigma" }, "lacks the input 'timestep'");

    [Fact]
    public void Token_ids_of_the_wrong_type_are_named() =>
        AssertRefused(new TinyVideoModel { TokenType = OnnxGraphBuilder.ElementType.Int32 }, "input 'input_ids' must be a int64 tensor, not int32");

    [Fact]
    public void A_fixed_frame_axis_is_refused() =>
        AssertRefused(new TinyVideoModel { LatentFrameAxis = 12 }, "fixes the frame axis at 12");

    [Fact]
    public void A_model_not_exported_for_sora_is_refused() =>
        AssertRefused(new TinyVideoModel { WithContractMetadata = false }, "no 'sora.contract' metadata");

    [Fact]
    public void A_folder_without_a_vocabulary_is_refused() =>
        AssertRefused(new TinyVideoModel { WithVocabulary = false }, "lacks vocab.txt");

    [Fact]
    public void A_file_that_is_not_onnx_is_refused()
    {
        var folder = _folder.Write(new TinyVideoModel());
        File.WriteAllText(Path.Combine(folder, OnnxModelContract.DecoderFile), "not a model");

        var error = Assert.Throws<OnnxModelException>(() => OnnxVideoModel.Load(folder, OnnxExecution.Cpu));

        Assert.Contains("decoder.onnx could not be loaded on cpu", error.Message);
    }

    [Fact]
    public void A_missing_folder_is_named()
    {
        var error = Assert.Throws<OnnxModelException>(() => OnnxVideoModel.Load(Path.Combine(_folder.Path, "nowhere"), OnnxExecution.Cpu));

        Assert.Contains("does not exist", error.Message);
    }

    private void AssertRefused(TinyVideoModel model, string expected)
    {
        var folder = _folder.Write(model);

        var error = Assert.Throws<OnnxModelException>(() => OnnxVideoModel.Load(folder, OnnxExecution.Cpu));

        Assert.Contains(expected, error.Message);
    }
}
