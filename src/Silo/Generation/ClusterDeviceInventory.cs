using Orleans.Runtime.MembershipService.SiloMetadata;
using Sora.Abstractions.Generation;
using Sora.Grains.Generation;

namespace Sora.Silo.Generation;

/// <summary>The devices of the active silos, read from membership and each silo's advertised metadata.</summary>
public sealed class ClusterDeviceInventory(IClusterMembershipService membership, ISiloMetadataCache metadata) : IDeviceInventory
{
    public IReadOnlyList<DeviceSlot> ActiveDevices() => ActiveMembers()
        .SelectMany(member => DeviceAdvertisement.Parse(member.SiloAddress.ToParsableString(), AdvertisementOf(member)))
        .OrderBy(device => device.Key, StringComparer.Ordinal)
        .ToList();

    public bool KnowsEveryActiveSilo() => ActiveMembers().All(member => AdvertisementOf(member) is not null);

    private IEnumerable<ClusterMember> ActiveMembers() =>
        membership.CurrentSnapshot.Members.Values.Where(member => member.Status == SiloStatus.Active);

    /// <summary>What the silo advertised, or null while its metadata has not reached this silo.</summary>
    private string? AdvertisementOf(ClusterMember member) =>
        metadata.GetSiloMetadata(member.SiloAddress).Metadata.GetValueOrDefault(DeviceAdvertisement.MetadataKey);

    public bool IsActive(string silo) =>
        membership.CurrentSnapshot.Members.TryGetValue(SiloAddress.FromParsableString(silo), out var member)
        && member.Status == SiloStatus.Active;
}
