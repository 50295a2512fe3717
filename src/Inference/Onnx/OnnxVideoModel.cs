using Microsoft.ML.OnnxRuntime;
using Sora.Inference.Onnx.Pipeline;
using static Sora.Inference.Onnx.OnnxModelContract;

namespace Sora.Inference.Onnx;

/// <summary>
/// A model folder loaded for one execution target and checked against the contract: the tokenizer, the denoiser
/// (latents, timestep, token ids → velocity) and the decoder (latents → frames). Sessions are safe to run from
/// several jobs at once; dispose the model when no job uses it any more.
/// </summary>
public sealed class OnnxVideoModel : IDisposable
{
    private const int DefaultTextLength = 77;

    private readonly InferenceSession _denoiser, _decoder;

    private OnnxVideoModel(InferenceSession denoiser, InferenceSession decoder, ModelSettings settings, PromptTokenizer tokenizer, LatentLayout layout)
    {
        (_denoiser, _decoder, Settings, Tokenizer, Layout) = (denoiser, decoder, settings, tokenizer, layout);
    }

    public ModelSettings Settings { get; }
    public PromptTokenizer Tokenizer { get; }
    public LatentLayout Layout { get; }

    public static OnnxVideoModel Load(string folder, OnnxExecution execution)
    {
        CheckFolder(folder);
        InferenceSession? denoiser = null, decoder = null;
        try
        {
            denoiser = Open(Path.Combine(folder, DenoiserFile), execution);
            var settings = ModelSettings.Read(denoiser.ModelMetadata.CustomMetadataMap, DenoiserFile);
            var layout = CheckDenoiser(denoiser);
            decoder = Open(Path.Combine(folder, DecoderFile), execution);
            CheckDecoder(decoder, layout);
            var textLength = TextLength(denoiser) ?? settings.TextLength ?? DefaultTextLength;
            var tokenizer = new PromptTokenizer(Path.Combine(folder, VocabularyFile), textLength);
            return new OnnxVideoModel(denoiser, decoder, settings, tokenizer, layout);
        }
        catch
        {
            denoiser?.Dispose();
            decoder?.Dispose();
            throw;
        }
    }

    /// <summary>The denoiser's velocity for latents shaped [1, C, F, h, w] at time t in [0, 1].</summary>
    public float[] Velocity(float[] latents, int latentFrames, float t, long[] tokenIds, CancellationToken cancellationToken)
    {
        using var latentValue = OrtValue.CreateTensorValueFromMemory(latents, Layout.Shape(latentFrames));
        using var timestep = OrtValue.CreateTensorValueFromMemory(new[] { t * Settings.TimestepScale }, [1]);
        using var tokens = OrtValue.CreateTensorValueFromMemory(tokenIds, [1, tokenIds.Length]);
        var result = OnnxSessionRunner.Run(_denoiser, DenoiserFile, [(Latents, latentValue), (Timestep, timestep), (TokenIds, tokens)], OnnxModelContract.Velocity, cancellationToken);
        if (result.Values.Length != latents.Length)
            throw new OnnxModelException($"{DenoiserFile} returned a velocity of shape [{string.Join(", ", result.Shape)}] for latents of shape [{string.Join(", ", Layout.Shape(latentFrames))}]");
        return result.Values;
    }

    /// <summary>Decodes latent frames (a slice of the full latents, shaped [1, C, k, h, w]) into frames [n, 3, H, W].</summary>
    public TensorResult Decode(float[] latentFrames, int count, CancellationToken cancellationToken)
    {
        using var value = OrtValue.CreateTensorValueFromMemory(latentFrames, Layout.Shape(count));
        var result = OnnxSessionRunner.Run(_decoder, DecoderFile, [(Latents, value)], Frames, cancellationToken);
        if (result.Shape.Length != 4 || result.Shape[1] != 3 || result.Shape[0] < 1 || result.Shape[2] < 1 || result.Shape[3] < 1)
            throw new OnnxModelException($"{DecoderFile} returned frames of shape [{string.Join(", ", result.Shape)}]; the contract wants [frames, 3, height, width]");
        return result;
    }

    public void Dispose()
    {
        _denoiser.Dispose();
        _decoder.Dispose();
    }

    private static InferenceSession Open(string file, OnnxExecution execution)
    {
        using var options = new SessionOptions { LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR };
        if (execution.CudaDevice is { } device)
        {
            try
            {
                options.AppendExecutionProvider_CUDA(device);
            }
            catch (OnnxRuntimeException e)
            {
                throw new OnnxModelException($"CUDA device {device} cannot run ONNX models: {e.Message}", e);
            }
        }
        try
        {
            return new InferenceSession(file, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new OnnxModelException($"{Path.GetFileName(file)} could not be loaded on {execution}: {e.Message}", e);
        }
    }

    private static LatentLayout CheckDenoiser(InferenceSession denoiser)
    {
        CheckInputs(denoiser, DenoiserFile, Latents, Timestep, TokenIds);
        var latents = Tensor(denoiser.InputMetadata, DenoiserFile, "input", Latents, typeof(float), rank: 5);
        Tensor(denoiser.InputMetadata, DenoiserFile, "input", Timestep, typeof(float), rank: 1);
        Tensor(denoiser.InputMetadata, DenoiserFile, "input", TokenIds, typeof(long), rank: 2);
        Tensor(denoiser.OutputMetadata, DenoiserFile, "output", OnnxModelContract.Velocity, typeof(float), rank: 5);
        var dims = latents.Dimensions;
        if (dims[0] > 1) throw new OnnxModelException($"{DenoiserFile}: input '{Latents}' has a batch of {dims[0]}; Sora runs one video at a time (batch 1)");
        if (dims[1] <= 0 || dims[3] <= 0 || dims[4] <= 0)
            throw new OnnxModelException($"{DenoiserFile}: input '{Latents}' must have fixed channels, height and width ([1, C, frames, h, w]), not [{Describe(latents)}]");
        if (dims[2] > 0)
            throw new OnnxModelException($"{DenoiserFile}: input '{Latents}' fixes the frame axis at {dims[2]}; Sora needs it dynamic to make videos of any length");
        return new LatentLayout(dims[1], dims[3], dims[4]);
    }

    private static void CheckDecoder(InferenceSession decoder, LatentLayout layout)
    {
        CheckInputs(decoder, DecoderFile, Latents);
        var latents = Tensor(decoder.InputMetadata, DecoderFile, "input", Latents, typeof(float), rank: 5);
        var frames = Tensor(decoder.OutputMetadata, DecoderFile, "output", Frames, typeof(float), rank: 4);
        var dims = latents.Dimensions;
        if ((dims[1] > 0 && dims[1] != layout.Channels) || (dims[3] > 0 && dims[3] != layout.Height) || (dims[4] > 0 && dims[4] != layout.Width))
            throw new OnnxModelException($"{DecoderFile}: input '{Latents}' is [{Describe(latents)}] but the denoiser makes [1, {layout.Channels}, frames, {layout.Height}, {layout.Width}]");
        if (dims[2] > 0)
            throw new OnnxModelException($"{DecoderFile}: input '{Latents}' fixes the frame axis at {dims[2]}; Sora decodes in chunks and needs it dynamic");
        if (frames.Dimensions[1] is > 0 and not 3)
            throw new OnnxModelException($"{DecoderFile}: output '{Frames}' has {frames.Dimensions[1]} channels; the contract wants RGB ([frames, 3, height, width])");
    }

    private static void CheckInputs(InferenceSession session, string file, params string[] expected)
    {
        var missing = expected.Where(name => !session.InputMetadata.ContainsKey(name)).ToList();
        if (missing.Count > 0)
            throw new OnnxModelException($"{file} lacks the input{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => $"'{m}'"))} (it has {string.Join(", ", session.InputMetadata.Keys)})");
        var extra = session.InputMetadata.Keys.Except(expected).ToList();
        if (extra.Count > 0)
            throw new OnnxModelException($"{file} has input{(extra.Count > 1 ? "s" : "")} {string.Join(", ", extra.Select(e => $"'{e}'"))} that the contract does not define, so Sora cannot feed {(extra.Count > 1 ? "them" : "it")}");
    }

    private static NodeMetadata Tensor(IReadOnlyDictionary<string, NodeMetadata> nodes, string file, string role, string name, Type type, int rank)
    {
        if (!nodes.TryGetValue(name, out var node))
            throw new OnnxModelException($"{file} lacks the {role} '{name}' (it has {string.Join(", ", nodes.Keys)})");
        if (!node.IsTensor || node.ElementType != type)
            throw new OnnxModelException($"{file}: {role} '{name}' must be a {TypeName(type)} tensor, not {TypeName(node.ElementType)}");
        if (node.Dimensions.Length != rank)
            throw new OnnxModelException($"{file}: {role} '{name}' must have {rank} dimensions, not {node.Dimensions.Length} ([{Describe(node)}])");
        return node;
    }

    private static int? TextLength(InferenceSession denoiser) => denoiser.InputMetadata[TokenIds].Dimensions[1] is > 0 and var fixedLength ? fixedLength : null;

    private static string TypeName(Type type) => type == typeof(float) ? "float32" : type == typeof(long) ? "int64" : type == typeof(int) ? "int32" : type.Name.ToLowerInvariant();

    private static string Describe(NodeMetadata node) =>
        string.Join(", ", node.Dimensions.Select((d, i) => d > 0 ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : node.SymbolicDimensions[i] is { Length: > 0 } s ? s : "?"));
}
