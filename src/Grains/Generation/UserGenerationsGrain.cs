using Sora.Abstractions;
using Sora.Abstractions.Errors;
using Sora.Abstractions.Generation;
using Sora.Abstractions.Videos;

namespace Sora.Grains.Generation;

public sealed class UserGenerationsGrain(
    [PersistentState("generations", StorageNames.Default)] IPersistentState<UserGenerationsState> state) : Grain, IUserGenerationsGrain
{
    private List<UserGeneration> Listed => state.State.Generations;

    public async Task AddAsync(UserGeneration generation)
    {
        ArgumentNullException.ThrowIfNull(generation);
        if (Listed.Exists(g => g.Id == generation.Id)) return;
        // Jobs are listed as they are created, so this is nearly always the front.
        var at = Listed.FindIndex(g => g.CreatedAt <= generation.CreatedAt);
        Listed.Insert(at < 0 ? Listed.Count : at, generation);
        if (Listed.Count > IUserGenerationsGrain.Capacity) Listed.RemoveRange(IUserGenerationsGrain.Capacity, Listed.Count - IUserGenerationsGrain.Capacity);
        await state.WriteStateAsync();
    }

    public Task<UserGenerationPage> ListAsync(string callerId, Guid? after, int max)
    {
        if (callerId != this.GetPrimaryKeyString()) throw DomainException.Forbidden("Only its owner may list a person's generations");
        if (max is < 1 or > VideoLimits.MaxPageSize)
            throw DomainException.BadInput("first", $"first must be between 1 and {VideoLimits.MaxPageSize}");
        var start = 0;
        if (after is { } cursor)
        {
            var index = Listed.FindIndex(g => g.Id == cursor);
            if (index < 0) throw DomainException.BadInput("after", "after is not a cursor of this list (or it has dropped off its end)");
            start = index + 1;
        }
        var page = Listed.Skip(start).Take(max).ToList();
        return Task.FromResult(new UserGenerationPage(page, start + page.Count < Listed.Count));
    }
}
