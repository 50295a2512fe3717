namespace Sora.Abstractions.Media;

/// <summary>
/// Where generated media lives: the data folder on one machine, a shared bucket in a cluster. Keys are
/// relative paths of lower-case letters, digits and <c>_ . - /</c> (see <see cref="MediaKeys"/>).
/// </summary>
public interface IMediaStore
{
    Task WriteAsync(string key, ReadOnlyMemory<byte> bytes, CancellationToken ct = default);

    /// <summary>Stores a local file under <paramref name="key"/>; readers never see a partly written object.</summary>
    Task WriteFileAsync(string key, string file, CancellationToken ct = default);

    /// <summary>A seekable stream of the object, or null when there is none.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default);

    /// <summary>Removes every object whose key starts with <paramref name="prefix"/>.</summary>
    Task DeleteAsync(string prefix, CancellationToken ct = default);
}
