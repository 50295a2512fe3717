using Sora.Abstractions.Media;

namespace Sora.Silo.Media;

/// <summary>Media as files under one folder (the data folder's <c>media/</c>, or a folder every silo shares).</summary>
public sealed class LocalMediaStore : IMediaStore
{
    private readonly string _root;

    public LocalMediaStore(string root)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    public async Task WriteAsync(string key, ReadOnlyMemory<byte> bytes, CancellationToken ct = default)
    {
        var path = WritablePathOf(key);
        var temporary = TemporaryBeside(path);
        await File.WriteAllBytesAsync(temporary, bytes.ToArray(), ct);
        File.Move(temporary, path, overwrite: true);
    }

    public async Task WriteFileAsync(string key, string file, CancellationToken ct = default)
    {
        var path = WritablePathOf(key);
        var temporary = TemporaryBeside(path);
        await using (var source = File.OpenRead(file))
        await using (var target = File.Create(temporary))
            await source.CopyToAsync(target, ct);
        File.Move(temporary, path, overwrite: true);
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default)
    {
        var path = PathOf(key);
        Stream? stream = File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, useAsync: true) : null;
        return Task.FromResult(stream);
    }

    public Task DeleteAsync(string prefix, CancellationToken ct = default)
    {
        if (!MediaKeys.IsValid(prefix)) throw new ArgumentException($"'{prefix}' is not a media key", nameof(prefix));
        var path = Path.Combine(_root, prefix);
        if (prefix.EndsWith('/'))
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        }
        else
        {
            var folder = Path.GetDirectoryName(path)!;
            if (Directory.Exists(folder))
                foreach (var file in Directory.EnumerateFiles(folder, Path.GetFileName(path) + "*")) File.Delete(file);
        }
        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        if (!MediaKeys.IsValid(key) || key.EndsWith('/')) throw new ArgumentException($"'{key}' is not a media key", nameof(key));
        return Path.Combine(_root, key);
    }

    /// <summary>The key's path with its folder made: only writes make folders (a read of a key nobody wrote leaves nothing behind).</summary>
    private string WritablePathOf(string key)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    private static string TemporaryBeside(string path) => $"{path}.{Guid.NewGuid():N}.partial";
}
