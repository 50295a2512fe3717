using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using Sora.Silo.Storage;

namespace Sora.Silo.Tests.Storage;

public sealed class SqliteGrainStorageTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sora-sqlite-test-").FullName;
    private readonly IServiceProvider _services = new ServiceCollection().AddSerializer().BuildServiceProvider();
    private readonly GrainId _grain = GrainId.Create("test", "one");

    private SqliteGrainStorage NewStorage() => new(
        "sora",
        new SqliteDatabase(_directory),
        new OrleansGrainStorageSerializer(_services.GetRequiredService<Serializer>()),
        _services.GetRequiredService<IActivatorProvider>(),
        TimeProvider.System);

    private static GrainState<List<string>> Empty() => new() { State = [] };

    [Fact]
    public async Task Nothing_stored_reads_as_a_fresh_state_without_etag()
    {
        var state = Empty();
        await NewStorage().ReadStateAsync("s", _grain, state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Empty(state.State);
    }

    [Fact]
    public async Task A_written_state_is_read_back_by_another_storage_instance_on_the_same_file()
    {
        var state = Empty();
        state.State.Add("kept");
        await NewStorage().WriteStateAsync("s", _grain, state);

        var again = Empty();
        await NewStorage().ReadStateAsync("s", _grain, again);

        Assert.True(again.RecordExists);
        Assert.Equal(["kept"], again.State);
        Assert.Equal(state.ETag, again.ETag);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_fails_and_keeps_the_newer_state()
    {
        var storage = NewStorage();
        var writer = Empty();
        await storage.WriteStateAsync("s", _grain, writer);
        var stale = Empty();
        await storage.ReadStateAsync("s", _grain, stale);

        writer.State.Add("newer");
        await storage.WriteStateAsync("s", _grain, writer);
        stale.State.Add("older");

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("s", _grain, stale));
        var current = Empty();
        await storage.ReadStateAsync("s", _grain, current);
        Assert.Equal(["newer"], current.State);
    }

    [Fact]
    public async Task Two_first_writes_cannot_both_win()
    {
        var storage = NewStorage();
        await storage.WriteStateAsync("s", _grain, Empty());
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("s", _grain, Empty()));
    }

    [Fact]
    public async Task Clear_removes_the_record_but_not_with_a_stale_etag()
    {
        var storage = NewStorage();
        var state = Empty();
        await storage.WriteStateAsync("s", _grain, state);
        var stale = new GrainState<List<string>> { State = [], ETag = state.ETag };
        await storage.WriteStateAsync("s", _grain, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("s", _grain, stale));
        await storage.ClearStateAsync("s", _grain, state);

        var after = Empty();
        await storage.ReadStateAsync("s", _grain, after);
        Assert.False(after.RecordExists);
        Assert.Null(state.ETag);
    }

    [Fact]
    public async Task States_of_different_names_and_grains_do_not_mix()
    {
        var storage = NewStorage();
        var a = Empty(); a.State.Add("a");
        var b = Empty(); b.State.Add("b");
        await storage.WriteStateAsync("first", _grain, a);
        await storage.WriteStateAsync("second", _grain, b);
        var c = Empty(); c.State.Add("c");
        await storage.WriteStateAsync("first", GrainId.Create("test", "two"), c);

        var read = Empty();
        await storage.ReadStateAsync("first", _grain, read);
        Assert.Equal(["a"], read.State);
    }

    [Fact]
    public async Task Writes_arriving_together_all_land_and_a_stale_one_among_them_fails_alone()
    {
        var storage = NewStorage();
        var stale = Empty();
        await storage.WriteStateAsync("s", _grain, stale);
        var current = new GrainState<List<string>> { State = ["current"], ETag = stale.ETag };
        await storage.WriteStateAsync("s", _grain, current);

        var others = Enumerable.Range(0, 600).Select(i => (Id: GrainId.Create("test", $"many-{i}"), State: new GrainState<List<string>> { State = [$"value {i}"] })).ToList();
        var writes = others.Select(o => storage.WriteStateAsync("s", o.Id, o.State)).ToList();
        stale.State.Add("stale");
        var staleWrite = storage.WriteStateAsync("s", _grain, stale);

        await Task.WhenAll(writes);
        await Assert.ThrowsAsync<InconsistentStateException>(() => staleWrite);
        var fresh = NewStorage();
        foreach (var (id, state) in others)
        {
            var read = Empty();
            await fresh.ReadStateAsync("s", id, read);
            Assert.Equal(state.State, read.State);
            Assert.Equal(state.ETag, read.ETag);
        }
        var kept = Empty();
        await fresh.ReadStateAsync("s", _grain, kept);
        Assert.Equal(["current"], kept.State);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
