using Sora.Abstractions.Generation;

namespace Sora.Grains.Generation;

/// <summary>The devices of the cluster's active silos, as the silos advertise them in their metadata.</summary>
public interface IDeviceInventory
{
    IReadOnlyList<DeviceSlot> ActiveDevices();

    /// <summary>
    /// Whether every active silo's advertisement is known here: a silo that has just joined may be active before its
    /// metadata reaches this one, and then its devices are missing from <see cref="ActiveDevices"/> for a while.
    /// </summary>
    bool KnowsEveryActiveSilo();

    bool IsActive(string silo);
}
