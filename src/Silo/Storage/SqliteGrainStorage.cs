using Microsoft.Data.Sqlite;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Sora.Silo.Storage;

/// <summary>
/// Grain state in SQLite with optimistic concurrency: the ETag is the row's version, and a write or
/// clear with a stale ETag fails with <see cref="InconsistentStateException"/> instead of overwriting.
/// </summary>
public sealed class SqliteGrainStorage(
    string name, SqliteDatabase database, IGrainStorageSerializer serializer, IActivatorProvider activators, TimeProvider clock)
    : IGrainStorage
{
    public string Name { get; } = name;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, payload FROM grain_state WHERE grain_type = $type AND grain_id = $id AND state_name = $state";
        AddKey(command, stateName, grainId);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            grainState.State = CreateEmpty<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }
        var version = reader.GetInt64(0);
        var payload = (byte[])reader.GetValue(1);
        grainState.State = serializer.Deserialize<T>(new BinaryData(payload));
        grainState.ETag = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = serializer.Serialize(grainState.State).ToArray();
        var expected = grainState.ETag is null ? (long?)null : ParseETag(grainState.ETag, stateName, grainId);
        var changed = await database.Writes.ExecuteAsync(command =>
        {
            AddKey(command, stateName, grainId);
            command.Parameters.AddWithValue("$payload", payload);
            command.Parameters.AddWithValue("$now", clock.GetUtcNow().ToString("O"));
            if (expected is null)
            {
                command.CommandText = """
                    INSERT INTO grain_state (grain_type, grain_id, state_name, version, payload, updated_at)
                    VALUES ($type, $id, $state, 1, $payload, $now)
                    ON CONFLICT DO NOTHING
                    """;
            }
            else
            {
                command.CommandText = """
                    UPDATE grain_state SET version = version + 1, payload = $payload, updated_at = $now
                    WHERE grain_type = $type AND grain_id = $id AND state_name = $state AND version = $expected
                    """;
                command.Parameters.AddWithValue("$expected", expected.Value);
            }
        });
        var newVersion = (expected ?? 0) + 1;
        if (changed != 1)
            throw new InconsistentStateException($"State '{stateName}' of {grainId} was changed by someone else", "unknown", grainState.ETag ?? "none");
        grainState.ETag = newVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainState.ETag is not null)
        {
            var expected = ParseETag(grainState.ETag, stateName, grainId);
            var changed = await database.Writes.ExecuteAsync(command =>
            {
                command.CommandText = "DELETE FROM grain_state WHERE grain_type = $type AND grain_id = $id AND state_name = $state AND version = $expected";
                AddKey(command, stateName, grainId);
                command.Parameters.AddWithValue("$expected", expected);
            });
            if (changed != 1)
                throw new InconsistentStateException($"State '{stateName}' of {grainId} was changed by someone else", "unknown", grainState.ETag);
        }
        grainState.State = CreateEmpty<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private void AddKey(SqliteCommand command, string stateName, GrainId grainId)
    {
        command.Parameters.AddWithValue("$type", grainId.Type.ToString());
        command.Parameters.AddWithValue("$id", grainId.Key.ToString());
        command.Parameters.AddWithValue("$state", $"{Name}/{stateName}");
    }

    private static long ParseETag(string etag, string stateName, GrainId grainId) =>
        long.TryParse(etag, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new InconsistentStateException($"State '{stateName}' of {grainId} has a foreign ETag '{etag}'", etag, "unknown");

    private T CreateEmpty<T>() => activators.GetActivator<T>().Create();
}
