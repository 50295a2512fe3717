using Microsoft.Data.Sqlite;

namespace Sora.Silo.Storage;

/// <summary>
/// The one SQLite file of an embedded Sora: grain state and reminders. WAL mode, so readers never wait
/// for the writer and a crash loses no committed write.
/// </summary>
public sealed class SqliteDatabase
{
    public const string FileName = "sora.db";

    private readonly string _connectionString;
    private readonly Lazy<Task> _schema;

    public SqliteDatabase(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        Path = System.IO.Path.Combine(dataDirectory, FileName);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _schema = new Lazy<Task>(() => CreateSchemaAsync(CancellationToken.None));
        Writes = new SqliteWriteBatcher(OpenAsync);
    }

    public string Path { get; }

    /// <summary>
    /// SQLite allows one writer at a time; grain writes go through this group commit instead of each taking
    /// the write lock (and paying a commit) alone. Readers never need it (WAL).
    /// </summary>
    public SqliteWriteBatcher Writes { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _schema.Value;
        return await OpenRawAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenRawAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS grain_state (
                grain_type  TEXT    NOT NULL,
                grain_id    TEXT    NOT NULL,
                state_name  TEXT    NOT NULL,
                version     INTEGER NOT NULL,
                payload     BLOB    NOT NULL,
                updated_at  TEXT    NOT NULL,
                PRIMARY KEY (grain_type, grain_id, state_name)
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS reminder (
                grain_id    TEXT    NOT NULL,
                name        TEXT    NOT NULL,
                grain_hash  INTEGER NOT NULL,
                start_at    TEXT    NOT NULL,
                period_ms   INTEGER NOT NULL,
                version     INTEGER NOT NULL,
                PRIMARY KEY (grain_id, name)
            ) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS reminder_by_hash ON reminder (grain_hash);
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
