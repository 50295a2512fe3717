using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Sora.Abstractions.Media;

namespace Sora.Silo.Media;

/// <summary>Media as objects in an S3-compatible bucket (AWSSDK.S3), for clusters whose nodes share no folder.</summary>
public sealed class S3MediaStore : IMediaStore, IDisposable
{
    private readonly AmazonS3Client _s3;
    private readonly string _bucket;

    public S3MediaStore(S3MediaStoreOptions options)
    {
        var config = new AmazonS3Config
        {
            ServiceURL = options.Endpoint.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = options.Region,
            // Plain signed requests: S3-compatible servers do not all speak the newer streaming checksums.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        _s3 = options.AccessKey is { } access && options.SecretKey is { } secret
            ? new AmazonS3Client(new BasicAWSCredentials(access, secret), config)
            : new AmazonS3Client(config);
        _bucket = options.Bucket;
    }

    /// <summary>Creates the bucket when it does not exist yet.</summary>
    public async Task EnsureBucketAsync(CancellationToken ct = default)
    {
        try
        {
            await _s3.PutBucketAsync(new PutBucketRequest { BucketName = _bucket }, ct);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
        }
    }

    public async Task WriteAsync(string key, ReadOnlyMemory<byte> bytes, CancellationToken ct = default)
    {
        using var body = new MemoryStream(bytes.ToArray(), writable: false);
        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = Checked(key), InputStream = body, UseChunkEncoding = false }, ct);
    }

    public async Task WriteFileAsync(string key, string file, CancellationToken ct = default) =>
        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = Checked(key), FilePath = file, UseChunkEncoding = false }, ct);

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default)
    {
        try
        {
            using var response = await _s3.GetObjectAsync(_bucket, Checked(key), ct);
            // Seekable, so that HTTP range requests can be served; media objects are a few megabytes.
            var copy = new MemoryStream(checked((int)Math.Max(0, response.ContentLength)));
            await response.ResponseStream.CopyToAsync(copy, ct);
            copy.Position = 0;
            return copy;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string prefix, CancellationToken ct = default)
    {
        Checked(prefix);
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = prefix };
        ListObjectsV2Response page;
        do
        {
            page = await _s3.ListObjectsV2Async(request, ct);
            foreach (var item in page.S3Objects ?? [])
                await _s3.DeleteObjectAsync(_bucket, item.Key, ct);
            request.ContinuationToken = page.NextContinuationToken;
        } while (page.IsTruncated == true);
    }

    public void Dispose() => _s3.Dispose();

    private static string Checked(string key) =>
        MediaKeys.IsValid(key) ? key : throw new ArgumentException($"'{key}' is not a media key", nameof(key));
}
