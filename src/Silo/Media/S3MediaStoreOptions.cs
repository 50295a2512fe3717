namespace Sora.Silo.Media;

/// <summary>
/// An S3-compatible bucket for the media of a cluster (AWS S3, MinIO, Ceph, ...). Credentials come from the usual
/// AWS sources (<c>AWS_ACCESS_KEY_ID</c> / <c>AWS_SECRET_ACCESS_KEY</c>, profiles) unless given here.
/// </summary>
public sealed record S3MediaStoreOptions(Uri Endpoint, string Bucket)
{
    public string Region { get; init; } = "us-east-1";
    public string? AccessKey { get; init; }
    public string? SecretKey { get; init; }
}
