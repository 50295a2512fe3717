using System.Globalization;

namespace Sora.Inference.Onnx.Pipeline;

/// <summary>What the denoiser's metadata says about how to run the model; every key but the contract version is optional.</summary>
public sealed record ModelSettings(string Name, string Version, int? Fps, int Steps, float Guidance, float Shift, float TimestepScale, int TemporalRatio, int? TextLength)
{
    public static ModelSettings Read(IReadOnlyDictionary<string, string> metadata, string file)
    {
        var contract = metadata.GetValueOrDefault(OnnxModelContract.ContractKey);
        if (contract != OnnxModelContract.Version)
            throw new OnnxModelException(contract is null
                ? $"{file} has no '{OnnxModelContract.ContractKey}' metadata: it was not exported for Sora (see docs/onnx-engine.md)"
                : $"{file} follows contract version {contract}; this Sora reads version {OnnxModelContract.Version}");

        return new ModelSettings(
            metadata.GetValueOrDefault(OnnxModelContract.NameKey) ?? "onnx-video",
            metadata.GetValueOrDefault(OnnxModelContract.VersionKey) ?? "0",
            Optional(metadata, OnnxModelContract.FpsKey, file, int.Parse, 1, 240),
            Optional(metadata, OnnxModelContract.StepsKey, file, int.Parse, 1, 1000) ?? 20,
            Optional(metadata, OnnxModelContract.GuidanceKey, file, Float, 0f, 100f) ?? 1f,
            Optional(metadata, OnnxModelContract.ShiftKey, file, Float, 0.01f, 100f) ?? 1f,
            Optional(metadata, OnnxModelContract.TimestepScaleKey, file, Float, 1e-6f, 1e6f) ?? 1f,
            Optional(metadata, OnnxModelContract.TemporalRatioKey, file, int.Parse, 1, 64) ?? 1,
            Optional(metadata, OnnxModelContract.TextLengthKey, file, int.Parse, 2, 4096));
    }

    private static float Float(string text, IFormatProvider provider) => float.Parse(text, NumberStyles.Float, provider);

    private static T? Optional<T>(IReadOnlyDictionary<string, string> metadata, string key, string file, Func<string, IFormatProvider, T> parse, T min, T max)
        where T : struct, IComparable<T>
    {
        if (!metadata.TryGetValue(key, out var text)) return null;
        T value;
        try
        {
            value = parse(text.Trim(), CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new OnnxModelException($"{file}: metadata '{key}' is '{text}', not a number");
        }
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
            throw new OnnxModelException($"{file}: metadata '{key}' is {text}; it must be between {min} and {max}");
        return value;
    }
}
