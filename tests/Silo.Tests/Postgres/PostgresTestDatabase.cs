using Npgsql;

namespace Sora.Silo.Tests.Postgres;

/// <summary>
/// A fresh database on the PostgreSQL server that CI starts (trust auth on 127.0.0.1:5432), dropped afterwards.
/// <c>SORA_TEST_POSTGRES</c> overrides the server's connection string.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncLifetime
{
    private static readonly string ServerConnectionString =
        Environment.GetEnvironmentVariable("SORA_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres";

    public string Name { get; } = $"sora_test_{Guid.NewGuid():N}";

    public string ConnectionString => new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = Name, Pooling = false }.ConnectionString;

    public async Task InitializeAsync()
    {
        try
        {
            await ExecuteOnServerAsync($"CREATE DATABASE {Name}");
        }
        catch (NpgsqlException e)
        {
            throw new InvalidOperationException(
                $"PostgreSQL is not reachable at '{ServerConnectionString}' ({e.Message}). `./sora test` and .ci/run start it; " +
                "set SORA_TEST_POSTGRES to use another server.", e);
        }
    }

    public Task DisposeAsync() => ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
