using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Sora.Silo.Storage;

/// <summary>
/// Group commit for grain writes. SQLite takes one writer at a time and every commit has a fixed cost, so
/// writes that arrive together (a fan-out touches thousands of feeds at once) wait here and one drainer
/// runs all that are waiting in a single transaction. Each write still gets its own row count or error.
/// </summary>
public sealed class SqliteWriteBatcher(Func<CancellationToken, Task<SqliteConnection>> open)
{
    private const int MaxBatch = 512;

    private readonly ConcurrentQueue<PendingWrite> _pending = new();
    private int _draining;

    /// <summary>Runs one write statement (prepared by <paramref name="prepare"/>) and answers its changed row count once committed.</summary>
    public Task<int> ExecuteAsync(Action<SqliteCommand> prepare)
    {
        var write = new PendingWrite(prepare);
        _pending.Enqueue(write);
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0) _ = Task.Run(DrainAsync);
        return write.Completion.Task;
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            var batch = new List<PendingWrite>();
            while (batch.Count < MaxBatch && _pending.TryDequeue(out var write)) batch.Add(write);
            if (batch.Count > 0)
            {
                await CommitAsync(batch);
                continue;
            }
            Volatile.Write(ref _draining, 0);
            // A write enqueued between the empty check and the release found a drainer still running: take it.
            if (_pending.IsEmpty || Interlocked.CompareExchange(ref _draining, 1, 0) != 0) return;
        }
    }

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        var results = new int[batch.Count];
        var errors = new Exception?[batch.Count];
        try
        {
            await using var connection = await open(CancellationToken.None);
            await using var transaction = connection.BeginTransaction(deferred: false);
            for (var i = 0; i < batch.Count; i++)
            {
                try
                {
                    await using var command = connection.CreateCommand();
                    command.Transaction = transaction;
                    batch[i].Prepare(command);
                    results[i] = await command.ExecuteNonQueryAsync();
                }
                catch (SqliteException error)
                {
                    // SQLite undoes just this statement; the others in the transaction stand.
                    errors[i] = error;
                }
            }
            await transaction.CommitAsync();
        }
        catch (Exception error)
        {
            foreach (var write in batch) write.Completion.TrySetException(error);
            return;
        }
        for (var i = 0; i < batch.Count; i++)
        {
            if (errors[i] is { } error) batch[i].Completion.TrySetException(error);
            else batch[i].Completion.TrySetResult(results[i]);
        }
    }

    private sealed class PendingWrite(Action<SqliteCommand> prepare)
    {
        public Action<SqliteCommand> Prepare { get; } = prepare;
        public TaskCompletionSource<int> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
