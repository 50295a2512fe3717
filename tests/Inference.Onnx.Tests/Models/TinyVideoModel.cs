using Sora.Inference.Onnx.Graphs;
using static Sora.Inference.Onnx.Graphs.OnnxGraphBuilder.ElementType;

namespace Sora.Inference.Onnx.Tests.Models;

/// <summary>
/// A tiny model folder that meets the contract with real operators: the denoiser pools the prompt's token embeddings
/// into a colour and pulls the latents towards it (velocity = 2·(latents − colour)·t); the decoder turns latent frames
/// into RGB frames with Squeeze, Transpose, Sigmoid and Tile (16x9 latents → 64x36 frames).
/// </summary>
public sealed record TinyVideoModel
{
    public const int Channels = 3, LatentHeight = 9, LatentWidth = 16, Upscale = 4, TextLength = 8;
    public const int FrameWidth = LatentWidth * Upscale, FrameHeight = LatentHeight * Upscale;

    public static readonly string[] Vocabulary =
        ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "a", "red", "blue", "green", "ball", "sea", "cat", "runs", "on", "the", "beach", "bounces", "into"];

    public int Steps { get; init; } = 4;
    public float Guidance { get; init; } = 1;
    public int? Fps { get; init; }
    public bool WithContractMetadata { get; init; } = true;
    public string TimestepInput { get; init; } = OnnxModelContract.Timestep;
    public OnnxGraphBuilder.ElementType TokenType { get; init; } = OnnxGraphBuilder.ElementType.Int64;
    public object LatentFrameAxis { get; init; } = "frames";
    public bool WithVocabulary { get; init; } = true;

    /// <summary>Video frames per latent frame: the decoder repeats each chunk this many times along the frame axis.</summary>
    public int TemporalRatio { get; init; } = 1;

    /// <summary>Writes denoiser.onnx, decoder.onnx and vocab.txt into a new folder under <paramref name="parent"/>.</summary>
    public string WriteTo(string parent)
    {
        var folder = Directory.CreateDirectory(Path.Combine(parent, $"tiny-model-{Guid.NewGuid():N}")).FullName;
        Denoiser().Save(Path.Combine(folder, OnnxModelContract.DenoiserFile));
        Decoder().Save(Path.Combine(folder, OnnxModelContract.DecoderFile));
        if (WithVocabulary) File.WriteAllLines(Path.Combine(folder, OnnxModelContract.VocabularyFile), Vocabulary);
        return folder;
    }

    private OnnxGraphBuilder Denoiser()
    {
        var embedding = new float[Vocabulary.Length * Channels];
        for (var i = 0; i < embedding.Length; i++) embedding[i] = MathF.Sin(i * 2.39996f) * 2.5f;
        var graph = new OnnxGraphBuilder("tiny-denoiser")
            .Input(OnnxModelContract.Latents, Float, 1, Channels, LatentFrameAxis, LatentHeight, LatentWidth)
            .Input(TimestepInput, Float, 1)
            .Input(OnnxModelContract.TokenIds, TokenType, 1, TextLength)
            .Output(OnnxModelContract.Velocity, Float, 1, Channels, LatentFrameAxis, LatentHeight, LatentWidth)
            .Constant("embedding", [Vocabulary.Length, Channels], embedding)
            .Constant("colour_shape", [5], new long[] { 1, Channels, 1, 1, 1 })
            .Node("Gather", ["embedding", OnnxModelContract.TokenIds], ["token_embeddings"], ("axis", 0L))
            .Node("ReduceMean", ["token_embeddings"], ["pooled"], ("axes", new long[] { 1 }), ("keepdims", 0L))
            .Node("Tanh", ["pooled"], ["colour"])
            .Node("Reshape", ["colour", "colour_shape"], ["target"])
            .Node("Sub", [OnnxModelContract.Latents, "target"], ["offset"])
            .Constant("strength", [1], [2f])
            .Node("Mul", ["offset", TimestepInput], ["timed_offset"])
            .Node("Mul", ["timed_offset", "strength"], [OnnxModelContract.Velocity]);
        if (WithContractMetadata) graph.Metadata(OnnxModelContract.ContractKey, OnnxModelContract.Version);
        graph.Metadata(OnnxModelContract.NameKey, "tiny-test-model")
            .Metadata(OnnxModelContract.VersionKey, "1.0")
            .Metadata(OnnxModelContract.StepsKey, Steps.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Metadata(OnnxModelContract.GuidanceKey, Guidance.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Fps is { } fps) graph.Metadata(OnnxModelContract.FpsKey, fps.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (TemporalRatio != 1) graph.Metadata(OnnxModelContract.TemporalRatioKey, TemporalRatio.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return graph;
    }

    private OnnxGraphBuilder Decoder() => new OnnxGraphBuilder("tiny-decoder")
        .Input(OnnxModelContract.Latents, Float, 1, Channels, "frames", LatentHeight, LatentWidth)
        .Output(OnnxModelContract.Frames, Float, "frames", 3, FrameHeight, FrameWidth)
        .Constant("batch_axis", [1], new long[] { 0 })
        .Constant("repeats", [4], new long[] { TemporalRatio, 1, Upscale, Upscale })
        .Node("Squeeze", [OnnxModelContract.Latents, "batch_axis"], ["channels_first"])
        .Node("Transpose", ["channels_first"], ["frames_first"], ("perm", new long[] { 1, 0, 2, 3 }))
        .Node("Sigmoid", ["frames_first"], ["colours"])
        .Node("Tile", ["colours", "repeats"], [OnnxModelContract.Frames]);
}
