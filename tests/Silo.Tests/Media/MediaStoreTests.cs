using Sora.Abstractions.Media;
using Sora.Silo.Media;
using Sora.Silo.Tests.Infrastructure;

namespace Sora.Silo.Tests.Media;

/// <summary>The media store contract, held by the data-folder store and by the S3 store against a real S3 server.</summary>
public sealed class MediaStoreTests(S3TestServer s3) : IClassFixture<S3TestServer>
{
    public static TheoryData<string> Stores => ["local", "s3"];

    private async Task<IMediaStore> CreateAsync(string kind)
    {
        if (kind == "local") return new LocalMediaStore(Directory.CreateTempSubdirectory("sora-media-").FullName);
        var store = new S3MediaStore(new S3MediaStoreOptions(s3.Endpoint, "sora-" + Guid.NewGuid().ToString("N")[..12]) { AccessKey = S3TestServer.AccessKey, SecretKey = S3TestServer.AccessKey });
        await store.EnsureBucketAsync();
        await store.EnsureBucketAsync(); // twice is fine
        return store;
    }

    private static async Task<byte[]?> ReadAsync(IMediaStore store, string key)
    {
        await using var stream = await store.OpenReadAsync(key);
        if (stream is null) return null;
        Assert.True(stream.CanSeek, "media streams must be seekable for HTTP range requests");
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task What_is_written_reads_back_and_a_missing_key_is_null(string kind)
    {
        var store = await CreateAsync(kind);
        var file = Path.GetTempFileName();
        await File.WriteAllBytesAsync(file, [9, 8, 7]);

        await store.WriteAsync("videos/v_1.mp4", new byte[] { 1, 2, 3 });
        await store.WriteFileAsync("videos/v_1.jpg", file);
        await store.WriteAsync("videos/v_1.mp4", new byte[] { 4, 5 }); // overwrite

        Assert.Equal([4, 5], await ReadAsync(store, "videos/v_1.mp4"));
        Assert.Equal([9, 8, 7], await ReadAsync(store, "videos/v_1.jpg"));
        Assert.Null(await ReadAsync(store, "videos/v_2.mp4"));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Deleting_a_prefix_removes_that_folder_only(string kind)
    {
        var store = await CreateAsync(kind);
        foreach (var key in new[] { "generations/a/1/init.mp4", "generations/a/1/0000.m4s", "generations/a/2/init.mp4", "generations/b/1/init.mp4" })
            await store.WriteAsync(key, new byte[] { 1 });

        await store.DeleteAsync("generations/a/1/");

        Assert.Null(await ReadAsync(store, "generations/a/1/init.mp4"));
        Assert.Null(await ReadAsync(store, "generations/a/1/0000.m4s"));
        Assert.NotNull(await ReadAsync(store, "generations/a/2/init.mp4"));
        Assert.NotNull(await ReadAsync(store, "generations/b/1/init.mp4"));
        await store.DeleteAsync("generations/none/"); // nothing there: fine
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Keys_that_could_escape_or_are_not_ours_are_refused(string kind)
    {
        var store = await CreateAsync(kind);

        foreach (var key in new[] { "../etc/passwd", "/abs", "videos/UPPER.mp4", "videos/a b.mp4", "" })
            await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync(key, new byte[] { 1 }));
    }
}
