using Orleans.Concurrency;
using Sora.Abstractions.Users;

namespace Sora.Abstractions.Feeds;

/// <summary>The creators with more followers than the fan-in threshold (key <see cref="Key"/>).</summary>
[Alias("Sora.IFanInDirectoryGrain")]
public interface IFanInDirectoryGrain : IGrainWithStringKey
{
    const string Key = "fan-in";

    [Alias("Set")]
    Task SetAsync(UserId creator, bool fanIn);

    // Every FOLLOWING page asks; answers need not wait behind each other.
    [Alias("All"), AlwaysInterleave]
    Task<IReadOnlyList<UserId>> GetAllAsync();
}
