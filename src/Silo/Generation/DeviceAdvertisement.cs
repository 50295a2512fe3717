using Sora.Abstractions.Generation;

namespace Sora.Silo.Generation;

/// <summary>
/// How a silo tells the cluster which devices it has: one entry of its silo metadata, e.g. <c>cpu=2;gpu=1</c>, with
/// <c>onnx-on-cpu=1</c> when its CPU slots may run the ONNX engine too.
/// </summary>
public static class DeviceAdvertisement
{
    public const string MetadataKey = "sora.devices";
    private const string OnnxOnCpuEntry = "onnx-on-cpu";

    public static string Format(int cpuSlots, int gpus, bool onnxOnCpu = false) =>
        $"cpu={cpuSlots};gpu={gpus}" + (onnxOnCpu ? $";{OnnxOnCpuEntry}=1" : "");

    public static IEnumerable<DeviceSlot> Parse(string silo, string? advertised)
    {
        if (string.IsNullOrEmpty(advertised)) yield break;
        var entries = advertised.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(entry => entry.Split('=')).Where(parts => parts.Length == 2).ToList();
        var onnxOnCpu = entries.Any(parts => parts[0] == OnnxOnCpuEntry && parts[1] == "1");
        foreach (var parts in entries)
        {
            if (!Enum.TryParse<DeviceKind>(parts[0], ignoreCase: true, out var kind) || !int.TryParse(parts[1], out var count))
                continue;
            for (var index = 0; index < count; index++)
                yield return new DeviceSlot(silo, kind, index) { RunsOnnx = kind == DeviceKind.Gpu || onnxOnCpu };
        }
    }
}
