using System.Reflection;
using Npgsql;

namespace Sora.Silo.Postgres;

/// <summary>
/// Applies the scripts of <c>deploy/postgres/</c> (embedded in this assembly) in name order, each once,
/// recorded in <c>sora_schema_migrations</c>. An advisory lock makes silos that start together take turns.
/// </summary>
public static class PostgresSchema
{
    private const string ResourcePrefix = "Sora.Postgres.";
    private const long AdvisoryLockKey = 0x50_52_41_5F_44_42; // "SORA_DB"

    public static IReadOnlyList<string> Scripts { get; } = typeof(PostgresSchema).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..])
        .Order(StringComparer.Ordinal)
        .ToList();

    public static async Task<IReadOnlyList<string>> ApplyAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, null, """
                CREATE TABLE IF NOT EXISTS sora_schema_migrations (
                    script     text        PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, cancellationToken);
            var done = new HashSet<string>(StringComparer.Ordinal);
            await using (var query = new NpgsqlCommand("SELECT script FROM sora_schema_migrations", connection))
            await using (var reader = await query.ExecuteReaderAsync(cancellationToken))
                while (await reader.ReadAsync(cancellationToken)) done.Add(reader.GetString(0));

            var applied = new List<string>();
            foreach (var script in Scripts.Where(s => !done.Contains(s)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, ReadScript(script), cancellationToken);
                await using var record = new NpgsqlCommand("INSERT INTO sora_schema_migrations (script) VALUES ($1)", connection, transaction);
                record.Parameters.AddWithValue(script);
                await record.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                applied.Add(script);
            }
            return applied;
        }
        finally
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    public static string ReadScript(string script)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + script)
            ?? throw new InvalidOperationException($"Schema script {script} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
