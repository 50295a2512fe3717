namespace Sora.Abstractions;

/// <summary>Names of the grain storage providers every host registers.</summary>
public static class StorageNames
{
    public const string Default = "sora";
    public const string PubSub = "PubSubStore";
}
