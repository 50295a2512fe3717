using Orleans.Runtime.Placement;
using Sora.Abstractions.Generation;

namespace Sora.Silo.Generation;

/// <summary>Activates a device worker on the silo its key names, and nowhere else.</summary>
public sealed class DevicePlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var device = DeviceSlot.Parse(target.GrainIdentity.Key.ToString()!);
        var silo = SiloAddress.FromParsableString(device.Silo);
        if (!context.GetCompatibleSilos(target).Contains(silo))
            throw new OrleansException($"device {device.Key} cannot be used: its silo is not an active member of the cluster");
        return Task.FromResult(silo);
    }
}
