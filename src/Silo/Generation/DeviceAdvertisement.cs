using Sora.Abstractions.Generation;

namespace Sora.Silo.Generation;

/// <summary>How a silo tells the cluster which devices it has: one entry of its silo metadata.</summary>
public static class DeviceAdvertisement
{
    public const string MetadataKey = "sora.devices";

    public static string Format(int cpuSlots, int gpus) => $"cpu={cpuSlots};gpu={gpus}";

    public static IEnumerable<DeviceSlot> Parse(string silo, string? advertised)
    {
        if (string.IsNullOrEmpty(advertised)) yield break;
        foreach (var entry in advertised.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split('=');
            if (parts.Length != 2 || !Enum.TryParse<DeviceKind>(parts[0], ignoreCase: true, out var kind) || !int.TryParse(parts[1], out var count))
                continue;
            for (var index = 0; index < count; index++)
                yield return new DeviceSlot(silo, kind, index);
        }
    }
}
