using Sora.Abstractions;
using Sora.Abstractions.Users;

namespace Sora.Grains.Users;

public sealed class HandleRegistryGrain(
    [PersistentState("handle", StorageNames.Default)] IPersistentState<HandleRegistryState> state) : Grain, IHandleRegistryGrain
{
    public async Task<bool> ClaimAsync(UserId user)
    {
        if (state.State.Owner is { } owner) return owner == user;
        state.State.Owner = user;
        await state.WriteStateAsync();
        return true;
    }

    public async Task ReleaseAsync(UserId user)
    {
        if (state.State.Owner != user) return;
        state.State.Owner = null;
        await state.WriteStateAsync();
    }

    public Task<UserId?> ResolveAsync() => Task.FromResult(state.State.Owner);
}

[GenerateSerializer, Alias("Sora.HandleRegistryState")]
public sealed class HandleRegistryState
{
    [Id(0)] public UserId? Owner { get; set; }
}
