using Sora.Abstractions.Generation;

namespace Sora.Grains.Generation;

/// <summary>The devices of the cluster's active silos, as the silos advertise them in their metadata.</summary>
public interface IDeviceInventory
{
    IReadOnlyList<DeviceSlot> ActiveDevices();

    bool IsActive(string silo);
}
