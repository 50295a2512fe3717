namespace Sora.Inference.Onnx;

/// <summary>The names Sora's ONNX model contract fixes: files of a model folder, tensor names, metadata keys (docs/onnx-engine.md).</summary>
public static class OnnxModelContract
{
    public const string Version = "1";

    public const string DenoiserFile = "denoiser.onnx", DecoderFile = "decoder.onnx", VocabularyFile = "vocab.txt";

    /// <summary>Denoiser inputs and output.</summary>
    public const string Latents = "latents", Timestep = "timestep", TokenIds = "input_ids", Velocity = "velocity";

    /// <summary>Decoder output (its input is <see cref="Latents"/>).</summary>
    public const string Frames = "frames";

    /// <summary>Metadata keys of denoiser.onnx.</summary>
    public const string ContractKey = "sora.contract", NameKey = "sora.name", VersionKey = "sora.version", FpsKey = "sora.fps",
        StepsKey = "sora.steps", GuidanceKey = "sora.guidance", ShiftKey = "sora.shift", TimestepScaleKey = "sora.timestep_scale",
        TemporalRatioKey = "sora.temporal_ratio", TextLengthKey = "sora.text_length";

    /// <summary>Checks that a folder holds the three files of a model, without loading anything; throws naming what is missing.</summary>
    public static void CheckFolder(string folder)
    {
        if (!Directory.Exists(folder))
            throw new OnnxModelException($"the ONNX model folder {folder} does not exist");
        var missing = new[] { DenoiserFile, DecoderFile, VocabularyFile }.Where(file => !File.Exists(Path.Combine(folder, file))).ToList();
        if (missing.Count > 0)
            throw new OnnxModelException($"the ONNX model folder {folder} lacks {string.Join(", ", missing)} (see docs/onnx-engine.md)");
    }
}
