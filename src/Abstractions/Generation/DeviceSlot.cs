namespace Sora.Abstractions.Generation;

[GenerateSerializer, Alias("Sora.DeviceKind")]
public enum DeviceKind
{
    Cpu = 0,
    Gpu = 1,
}

/// <summary>
/// One place a job can run: a CPU slot or a GPU of one silo. <see cref="Key"/> is the key of the worker grain
/// pinned to it, and names the silo so placement can put the worker there.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sora.DeviceSlot")]
public sealed record DeviceSlot(
    [property: Id(0)] string Silo,
    [property: Id(1)] DeviceKind Kind,
    [property: Id(2)] int Index)
{
    private const char Separator = '|';

    /// <summary>Whether the ONNX engine may run here: on every GPU, and on CPU slots of silos started with <c>--onnx-cpu</c>.</summary>
    [Id(3)] public bool RunsOnnx { get; init; } = Kind == DeviceKind.Gpu;

    public string Key => $"{Silo}{Separator}{Kind.ToString().ToLowerInvariant()}{Separator}{Index}";

    public bool CanRun(EngineKind engine) => engine == EngineKind.World || RunsOnnx;

    public static DeviceSlot Parse(string key)
    {
        var parts = key.Split(Separator);
        if (parts.Length != 3 || !Enum.TryParse<DeviceKind>(parts[1], ignoreCase: true, out var kind) || !int.TryParse(parts[2], out var index))
            throw new FormatException($"'{key}' is not a device key (silo|kind|index)");
        return new DeviceSlot(parts[0], kind, index);
    }

    public override string ToString() => Key;
}
