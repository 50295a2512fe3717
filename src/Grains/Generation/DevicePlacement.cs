using Orleans.Placement;

namespace Sora.Grains.Generation;

/// <summary>
/// Places a device worker on the silo named in its key (<see cref="Abstractions.Generation.DeviceSlot.Key"/>):
/// a GPU can only be driven from the machine it is in.
/// </summary>
[Serializable, GenerateSerializer, Immutable, SuppressReferenceTracking, Alias("Sora.DevicePlacement")]
public sealed class DevicePlacement : PlacementStrategy
{
    public static DevicePlacement Instance { get; } = new();
}

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class DevicePlacementAttribute() : PlacementAttribute(DevicePlacement.Instance);
