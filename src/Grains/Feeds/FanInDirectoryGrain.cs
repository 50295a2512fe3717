using Sora.Abstractions;
using Sora.Abstractions.Feeds;
using Sora.Abstractions.Users;

namespace Sora.Grains.Feeds;

public sealed class FanInDirectoryGrain(
    [PersistentState("fan-in", StorageNames.Default)] IPersistentState<FanInDirectoryState> state) : Grain, IFanInDirectoryGrain
{
    private UserId[]? _snapshot;

    public async Task SetAsync(UserId creator, bool fanIn)
    {
        var changed = fanIn ? state.State.Creators.Add(creator) : state.State.Creators.Remove(creator);
        if (!changed) return;
        _snapshot = null;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<UserId>> GetAllAsync() => Task.FromResult<IReadOnlyList<UserId>>(_snapshot ??= [.. state.State.Creators]);
}

[GenerateSerializer, Alias("Sora.FanInDirectoryState")]
public sealed class FanInDirectoryState
{
    [Id(0)] public HashSet<UserId> Creators { get; set; } = [];
}
