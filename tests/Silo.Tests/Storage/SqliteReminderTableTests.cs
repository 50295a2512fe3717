using Orleans.Runtime;
using Sora.Silo.Storage;

namespace Sora.Silo.Tests.Storage;

public sealed class SqliteReminderTableTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sora-reminders-test-").FullName;
    private SqliteReminderTable NewTable() => new(new SqliteDatabase(_directory));

    private static ReminderEntry Entry(GrainId grain, string name, int minutes = 5) => new()
    {
        GrainId = grain,
        ReminderName = name,
        StartAt = new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc),
        Period = TimeSpan.FromMinutes(minutes),
    };

    [Fact]
    public async Task An_upserted_reminder_reads_back_with_its_etag_and_survives_a_new_table_instance()
    {
        var grain = GrainId.Create("job", "42");
        var etag = await NewTable().UpsertRow(Entry(grain, "resume"));

        var row = await NewTable().ReadRow(grain, "resume");

        Assert.NotNull(row);
        Assert.Equal(etag, row.ETag);
        Assert.Equal(TimeSpan.FromMinutes(5), row.Period);
        Assert.Equal(new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc), row.StartAt.ToUniversalTime());
    }

    [Fact]
    public async Task Updating_changes_the_etag_and_a_stale_etag_cannot_remove()
    {
        var table = NewTable();
        var grain = GrainId.Create("job", "43");
        var first = await table.UpsertRow(Entry(grain, "tick"));
        var second = await table.UpsertRow(Entry(grain, "tick", minutes: 10));

        Assert.NotEqual(first, second);
        Assert.False(await table.RemoveRow(grain, "tick", first!));
        Assert.True(await table.RemoveRow(grain, "tick", second!));
        Assert.Null(await table.ReadRow(grain, "tick"));
    }

    [Fact]
    public async Task Ring_ranges_select_by_grain_hash_including_the_wrap_around()
    {
        var table = NewTable();
        var grains = Enumerable.Range(0, 40).Select(i => GrainId.Create("job", i.ToString())).ToList();
        foreach (var grain in grains) await table.UpsertRow(Entry(grain, "r"));
        var pivot = grains[7].GetUniformHashCode();

        var upper = await table.ReadRows(pivot, uint.MaxValue);
        var wrapped = await table.ReadRows(pivot, pivot);

        Assert.Equal(grains.Count(g => g.GetUniformHashCode() > pivot), upper.Reminders.Count);
        Assert.Equal(grains.Count, wrapped.Reminders.Count);
        Assert.All(upper.Reminders, r => Assert.True(r.GrainId.GetUniformHashCode() > pivot));
    }

    [Fact]
    public async Task Reading_by_grain_returns_only_that_grains_reminders()
    {
        var table = NewTable();
        var mine = GrainId.Create("job", "mine");
        await table.UpsertRow(Entry(mine, "a"));
        await table.UpsertRow(Entry(mine, "b"));
        await table.UpsertRow(Entry(GrainId.Create("job", "other"), "a"));

        var rows = await table.ReadRows(mine);
        Assert.Equal(["a", "b"], rows.Reminders.Select(r => r.ReminderName).Order());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
