using Sora.Abstractions.Errors;
using Sora.Abstractions.Generation;
using Sora.Grains.Generation;
using Sora.Grains.Tests.Infrastructure;

namespace Sora.Grains.Tests.Generation;

/// <summary>Each person's list of their jobs: what submitting adds, its order, its pages, its owner, its end.</summary>
public sealed class UserGenerationsTests : IAsyncLifetime
{
    private readonly SoraTestCluster _cluster = new();
    private GenerationTestKit Kit => new(_cluster);

    public Task InitializeAsync() => _cluster.InitializeAsync();
    public Task DisposeAsync() => _cluster.DisposeAsync();

    private IUserGenerationsGrain ListOf(string owner) => _cluster.Grains.GetGrain<IUserGenerationsGrain>(owner);

    [Fact]
    public async Task Submitting_lists_a_job_once_newest_first_and_a_refused_one_not_at_all()
    {
        var first = await Kit.SubmitAsync(GenerationTestKit.Spec("cleo", "a red ball bounces"), "c1");
        var second = await Kit.SubmitAsync(GenerationTestKit.Spec("cleo", "a blue cube slides"), "c2");
        await Kit.SubmitAsync(GenerationTestKit.Spec("cleo", "a red ball bounces"), "c1");
        await Assert.ThrowsAsync<DomainException>(() => Kit.SubmitAsync(GenerationTestKit.Spec("cleo", ""), "c3"));
        await Kit.SubmitAsync(GenerationTestKit.Spec("dan", "a kite flies"), "d1");

        var page = await ListOf("cleo").ListAsync("cleo", null, 10);

        Assert.Equal([second.Id, first.Id], page.Generations.Select(g => g.Id));
        Assert.Equal(second.CreatedAt, page.Generations[0].CreatedAt);
        Assert.False(page.HasMore);
    }

    [Fact]
    public async Task Only_the_owner_may_list_and_pages_follow_the_cursor_to_the_end()
    {
        var list = ListOf("eve");
        var start = DateTimeOffset.UtcNow;
        var ids = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        for (var i = 0; i < ids.Count; i++) await list.AddAsync(new UserGeneration(ids[i], start.AddSeconds(i)));
        // A late report of an older job goes where its time puts it.
        var late = Guid.NewGuid();
        await list.AddAsync(new UserGeneration(late, start.AddSeconds(2.5)));

        var page1 = await list.ListAsync("eve", null, 3);
        var page2 = await list.ListAsync("eve", page1.Generations[^1].Id, 3);

        Assert.Equal([ids[4], ids[3], late], page1.Generations.Select(g => g.Id));
        Assert.True(page1.HasMore);
        Assert.Equal([ids[2], ids[1], ids[0]], page2.Generations.Select(g => g.Id));
        Assert.False(page2.HasMore);
        Assert.Equal(ErrorCodes.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => list.ListAsync("mallory", null, 3))).Code);
        var unknown = await list.ListAsync("eve", Guid.NewGuid(), 3);
        Assert.Empty(unknown.Generations);
        Assert.False(unknown.HasMore);
    }

    [Fact]
    public async Task The_oldest_job_drops_off_a_full_list()
    {
        var list = ListOf("fay");
        var start = DateTimeOffset.UtcNow;
        var ids = Enumerable.Range(0, IUserGenerationsGrain.Capacity + 1).Select(_ => Guid.NewGuid()).ToList();
        for (var i = 0; i < ids.Count; i++) await list.AddAsync(new UserGeneration(ids[i], start.AddSeconds(i)));

        var listed = new List<Guid>();
        for (Guid? after = null; ;)
        {
            var page = await list.ListAsync("fay", after, 100);
            listed.AddRange(page.Generations.Select(g => g.Id));
            if (!page.HasMore) break;
            after = page.Generations[^1].Id;
        }

        Assert.Equal(IUserGenerationsGrain.Capacity, listed.Count);
        Assert.Equal(ids[^1], listed[0]);
        Assert.Equal(ids[1], listed[^1]);
        Assert.DoesNotContain(ids[0], listed);
    }
}

/// <summary>A list write that fails leaves the list as it was, so the retry that follows stores the job.</summary>
public sealed class UserGenerationsWriteFailureTests
{
    [Fact]
    public async Task A_failed_write_is_undone_and_the_retry_stores_the_job()
    {
        var state = new FailingWrites<UserGenerationsState>();
        var grain = new UserGenerationsGrain(state);
        var earlier = new UserGeneration(Guid.NewGuid(), DateTimeOffset.UtcNow.AddMinutes(-1));
        var job = new UserGeneration(Guid.NewGuid(), DateTimeOffset.UtcNow);
        await grain.AddAsync(earlier);
        state.Failures = 1;

        await Assert.ThrowsAsync<IOException>(() => grain.AddAsync(job));

        Assert.Equal([earlier.Id], state.State.Generations.Select(g => g.Id));
        await grain.AddAsync(job);
        Assert.Equal([job.Id, earlier.Id], state.State.Generations.Select(g => g.Id));
        Assert.Equal(2, state.Writes);
    }

    [Fact]
    public async Task A_failed_write_of_a_videos_change_is_undone()
    {
        var (state, grain, job) = await OneJobListedAsync();
        state.Failures = 1;

        await Assert.ThrowsAsync<IOException>(() => grain.VideoChangedAsync(job.Id, isDraft: false, version: 1));

        Assert.Null(state.State.Generations.Single().VideoIsDraft);
        await grain.VideoChangedAsync(job.Id, isDraft: false, version: 1);
        Assert.False(state.State.Generations.Single().VideoIsDraft);
        Assert.Equal(2, state.Writes);
    }

    [Fact]
    public async Task A_late_report_of_a_videos_change_does_not_undo_a_newer_one()
    {
        var (state, grain, job) = await OneJobListedAsync();

        await grain.VideoChangedAsync(job.Id, isDraft: true, version: 2);
        await grain.VideoChangedAsync(job.Id, isDraft: false, version: 1);

        Assert.True(state.State.Generations.Single().VideoIsDraft);
        Assert.Equal(2, state.State.Generations.Single().VideoVersion);
    }

    private static async Task<(FailingWrites<UserGenerationsState> State, UserGenerationsGrain Grain, UserGeneration Job)> OneJobListedAsync()
    {
        var state = new FailingWrites<UserGenerationsState>();
        var grain = new UserGenerationsGrain(state);
        var job = new UserGeneration(Guid.NewGuid(), DateTimeOffset.UtcNow);
        await grain.AddAsync(job);
        return (state, grain, job);
    }

    /// <summary>Grain state whose next <see cref="Failures"/> writes fail as a storage outage would; others are counted.</summary>
    private sealed class FailingWrites<T> : IPersistentState<T> where T : new()
    {
        public int Failures { get; set; }
        public int Writes { get; private set; }
        public T State { get; set; } = new();
        public string? Etag => null;
        public bool RecordExists => Writes > 0;

        public Task WriteStateAsync()
        {
            if (Failures > 0)
            {
                Failures--;
                throw new IOException("storage unavailable");
            }
            Writes++;
            return Task.CompletedTask;
        }

        public Task ClearStateAsync() => throw new NotSupportedException();
        public Task ReadStateAsync() => Task.CompletedTask;
    }
}
