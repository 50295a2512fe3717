using Sora.Abstractions;
using Sora.Abstractions.Errors;
using Sora.Abstractions.Generation;

namespace Sora.Grains.Generation;

/// <summary>One person's list of their jobs (see <see cref="IUserGenerationsGrain"/>).</summary>
public sealed class UserGenerationsGrain(
    [PersistentState("generations", StorageNames.Default)] IPersistentState<UserGenerationsState> state) : Grain, IUserGenerationsGrain
{
    /// <summary>The most entries one call reads: a page of the API at most.</summary>
    public const int MaxBatch = 100;

    private List<UserGeneration> Listed => state.State.Generations;

    public async Task AddAsync(UserGeneration generation)
    {
        ArgumentNullException.ThrowIfNull(generation);
        if (Listed.Exists(g => g.Id == generation.Id)) return;
        var stored = Listed.ToList();
        // Jobs are listed as they are created, so this is nearly always the front.
        var at = Listed.FindIndex(g => g.CreatedAt <= generation.CreatedAt);
        Listed.Insert(at < 0 ? Listed.Count : at, generation);
        if (Listed.Count > IUserGenerationsGrain.Capacity) Listed.RemoveRange(IUserGenerationsGrain.Capacity, Listed.Count - IUserGenerationsGrain.Capacity);
        await WriteOrUndoAsync(stored);
    }

    public Task VideoChangedAsync(Guid generation, bool isDraft, int version) =>
        ChangeAsync(generation, g => g.VideoVersion >= version ? null : g with { VideoIsDraft = isDraft, VideoVersion = version });

    public Task EndedWithoutVideoAsync(Guid generation) =>
        ChangeAsync(generation, g => g.VideoVersion > 0 || g.VideoIsDraft == false ? null : g with { VideoIsDraft = false });

    /// <summary>Replaces a listed job's entry with what <paramref name="change"/> makes of it (null: no change) and stores the list.</summary>
    private async Task ChangeAsync(Guid generation, Func<UserGeneration, UserGeneration?> change)
    {
        var at = Listed.FindIndex(g => g.Id == generation);
        if (at < 0 || change(Listed[at]) is not { } changed) return;
        var stored = Listed.ToList();
        Listed[at] = changed;
        await WriteOrUndoAsync(stored);
    }

    /// <summary>
    /// Stores the list; a write that fails puts back <paramref name="stored"/>, so the retry that follows writes its change
    /// instead of finding it in memory and skipping the write.
    /// </summary>
    private async Task WriteOrUndoAsync(List<UserGeneration> stored)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Generations = stored;
            throw;
        }
    }

    public Task<UserGenerationPage> ListAsync(string callerId, Guid? after, int max)
    {
        if (callerId != this.GetPrimaryKeyString()) throw DomainException.Forbidden("Only its owner may list a person's generations");
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(max, MaxBatch);
        var start = 0;
        if (after is { } cursor)
        {
            // Not in the list: someone else's job, or one that has dropped off the end, and everything after it with it.
            var index = Listed.FindIndex(g => g.Id == cursor);
            start = index < 0 ? Listed.Count : index + 1;
        }
        var page = Listed.Skip(start).Take(max).ToList();
        return Task.FromResult(new UserGenerationPage(page, start + page.Count < Listed.Count));
    }
}
