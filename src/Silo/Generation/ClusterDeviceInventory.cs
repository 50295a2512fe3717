using Orleans.Runtime.MembershipService.SiloMetadata;
using Sora.Abstractions.Generation;
using Sora.Grains.Generation;

namespace Sora.Silo.Generation;

/// <summary>The devices of the active silos, read from membership and each silo's advertised metadata.</summary>
public sealed class ClusterDeviceInventory(IClusterMembershipService membership, ISiloMetadataCache metadata) : IDeviceInventory
{
    public IReadOnlyList<DeviceSlot> ActiveDevices() => membership.CurrentSnapshot.Members.Values
        .Where(member => member.Status == SiloStatus.Active)
        .SelectMany(member => DeviceAdvertisement.Parse(
            member.SiloAddress.ToParsableString(),
            metadata.GetSiloMetadata(member.SiloAddress).Metadata.GetValueOrDefault(DeviceAdvertisement.MetadataKey)))
        .OrderBy(device => device.Key, StringComparer.Ordinal)
        .ToList();

    public bool KnowsEveryActiveSilo() => membership.CurrentSnapshot.Members.Values
        .Where(member => member.Status == SiloStatus.Active)
        .All(member => metadata.GetSiloMetadata(member.SiloAddress).Metadata.ContainsKey(DeviceAdvertisement.MetadataKey));

    public bool IsActive(string silo) =>
        membership.CurrentSnapshot.Members.TryGetValue(SiloAddress.FromParsableString(silo), out var member)
        && member.Status == SiloStatus.Active;
}
