using Sora.Silo.Postgres;

namespace Sora.Silo.Tests.Postgres;

public sealed class PostgresSchemaTests : IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();
    public Task DisposeAsync() => _database.DisposeAsync();

    // The statement keys the Orleans ADO.NET clustering, persistence and reminder providers look up.
    private static readonly string[] ProviderQueryKeys =
    [
        "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey", "UpdateIAmAlivetimeKey",
        "MembershipReadRowKey", "MembershipReadAllKey", "GatewaysQueryKey", "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey",
        "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey",
        "UpsertReminderRowKey", "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
        "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    [Fact]
    public async Task Applies_every_script_once_and_then_nothing()
    {
        var first = await PostgresSchema.ApplyAsync(_database.ConnectionString, CancellationToken.None);
        Assert.Equal(PostgresSchema.Scripts, first);
        Assert.True(first.Count >= 4);

        var second = await PostgresSchema.ApplyAsync(_database.ConnectionString, CancellationToken.None);
        Assert.Empty(second);
        Assert.Equal(first.Count, await _database.ScalarAsync<long>("SELECT count(*) FROM sora_schema_migrations"));
    }

    [Fact]
    public async Task Silos_starting_together_apply_the_schema_exactly_once()
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => PostgresSchema.ApplyAsync(_database.ConnectionString, CancellationToken.None)));

        Assert.Single(runs, applied => applied.Count > 0);
        Assert.Equal(PostgresSchema.Scripts.Count, runs.Sum(applied => applied.Count));
    }

    [Fact]
    public async Task Stores_every_statement_the_orleans_providers_look_up()
    {
        await PostgresSchema.ApplyAsync(_database.ConnectionString, CancellationToken.None);
        foreach (var key in ProviderQueryKeys)
            Assert.Equal(1L, await _database.ScalarAsync<long>($"SELECT count(*) FROM OrleansQuery WHERE QueryKey = '{key}'"));
    }

    [Fact]
    public async Task Every_script_can_run_again_by_hand_without_error()
    {
        await PostgresSchema.ApplyAsync(_database.ConnectionString, CancellationToken.None);
        foreach (var script in PostgresSchema.Scripts)
            await _database.ExecuteAsync(PostgresSchema.ReadScript(script));
        Assert.Equal(ProviderQueryKeys.Length, await _database.ScalarAsync<long>("SELECT count(*) FROM OrleansQuery"));
    }
}
