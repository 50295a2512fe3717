namespace Sora.Abstractions;

/// <summary>Names of the Orleans stream provider and the stream namespaces Sora publishes on.</summary>
public static class StreamNamespaces
{
    public const string Provider = "sora";
    public const string Server = "server";
    public const string Generation = "generation";
    public const string Feed = "feed";
    public const string Creator = "creator";
}
