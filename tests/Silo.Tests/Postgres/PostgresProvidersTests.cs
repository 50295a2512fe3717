using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;
using Orleans.Storage;
using Sora.Abstractions;
using Sora.Silo.Hosting;
using Sora.Silo.Postgres;
using Sora.Silo.Tests.Infrastructure;

namespace Sora.Silo.Tests.Postgres;

/// <summary>
/// The Orleans ADO.NET providers of cluster mode driven directly against our <c>deploy/postgres</c> schema,
/// inside a real silo: the contract of every statement (ETags, versions, ranges) is checked here.
/// </summary>
public sealed class PostgresProvidersTests : IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();
    private IHost _host = null!;

    private IServiceProvider Services => _host.Services;
    private IGrainStorage Storage => Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
    private IReminderTable Reminders => Services.GetRequiredService<IReminderTable>();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await PostgresSchema.ApplyAsync(_database.ConnectionString, CancellationToken.None);
        var options = new SoraHostOptions
        {
            DataDirectory = Directory.CreateTempSubdirectory("sora-pg-").FullName,
            Cluster = new PostgresClusterOptions(_database.ConnectionString)
            {
                SiloPort = SoraProcess.FreePort(),
                GatewayPort = SoraProcess.FreePort(),
                ClusterId = "contract",
            },
        };
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(silo => silo.ConfigureSora(options));
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task The_running_silo_is_an_active_member()
    {
        var table = Services.GetRequiredService<IMembershipTable>();
        var data = await table.ReadAll();
        var entry = Assert.Single(data.Members).Item1;
        Assert.Equal(SiloStatus.Active, entry.Status);
        Assert.True(data.Version.Version > 0);
    }

    [Fact]
    public async Task Grain_state_round_trips_with_etags_that_refuse_stale_writers()
    {
        var grainId = GrainId.Create("contract", "alice");
        var writer = new GrainState<List<string>>(["one"]);
        await Storage.WriteStateAsync("state", grainId, writer);
        Assert.Equal("1", writer.ETag);

        var reader = new GrainState<List<string>>();
        await Storage.ReadStateAsync("state", grainId, reader);
        Assert.Equal(["one"], reader.State);
        Assert.Equal("1", reader.ETag);
        Assert.True(reader.RecordExists);

        reader.State.Add("two");
        await Storage.WriteStateAsync("state", grainId, reader);
        Assert.Equal("2", reader.ETag);

        // The first writer still holds version 1: its write must lose, and so must a second "new" record.
        writer.State.Add("stale");
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("state", grainId, writer));
        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            Storage.WriteStateAsync("state", grainId, new GrainState<List<string>>(["again"])));

        var check = new GrainState<List<string>>();
        await Storage.ReadStateAsync("state", grainId, check);
        Assert.Equal(["one", "two"], check.State);
    }

    [Fact]
    public async Task Grains_with_and_without_key_extensions_are_kept_apart_and_clear_removes_state()
    {
        var plain = GrainId.Create(GrainType.Create("contract"), GrainIdKeyExtensions.CreateIntegerKey(7));
        var extended = GrainId.Create(GrainType.Create("contract"), GrainIdKeyExtensions.CreateIntegerKey(7, "ext"));
        await Storage.WriteStateAsync("state", plain, new GrainState<List<string>>(["plain"]));
        var state = new GrainState<List<string>>(["extended"]);
        await Storage.WriteStateAsync("state", extended, state);

        var read = new GrainState<List<string>>();
        await Storage.ReadStateAsync("state", plain, read);
        Assert.Equal(["plain"], read.State);

        await Storage.ClearStateAsync("state", extended, state);
        var cleared = new GrainState<List<string>>();
        await Storage.ReadStateAsync("state", extended, cleared);
        Assert.False(cleared.RecordExists);
        Assert.Empty(cleared.State);
    }

    [Fact]
    public async Task Reminders_upsert_read_by_grain_and_by_ring_range_and_delete_by_etag()
    {
        var grains = Enumerable.Range(0, 40).Select(i => GrainId.Create("contract", $"g{i}")).ToList();
        var etags = new Dictionary<GrainId, string>();
        foreach (var grain in grains)
            etags[grain] = await Reminders.UpsertRow(new ReminderEntry
            {
                GrainId = grain, ReminderName = "tick", StartAt = DateTime.UtcNow, Period = TimeSpan.FromMinutes(1),
            });

        var again = await Reminders.UpsertRow(new ReminderEntry
        {
            GrainId = grains[0], ReminderName = "tick", StartAt = DateTime.UtcNow, Period = TimeSpan.FromDays(40),
        });
        Assert.NotEqual(etags[grains[0]], again);
        var row = await Reminders.ReadRow(grains[0], "tick");
        Assert.Equal(TimeSpan.FromDays(40), row.Period);
        Assert.Equal(again, row.ETag);

        Assert.Single((await Reminders.ReadRows(grains[1])).Reminders);

        // Two ranges that split the ring (one of them wrapping) see every reminder exactly once.
        const uint split1 = 0x4000_0000, split2 = 0xC000_0000;
        var inner = (await Reminders.ReadRows(split1, split2)).Reminders;
        var outer = (await Reminders.ReadRows(split2, split1)).Reminders;
        Assert.Equal(grains.Count, inner.Count + outer.Count);
        Assert.Equal(grains.ToHashSet(), inner.Concat(outer).Select(r => r.GrainId).ToHashSet());

        Assert.False(await Reminders.RemoveRow(grains[0], "tick", etags[grains[0]]));
        Assert.True(await Reminders.RemoveRow(grains[0], "tick", again));
        Assert.Null(await Reminders.ReadRow(grains[0], "tick"));
    }
}
