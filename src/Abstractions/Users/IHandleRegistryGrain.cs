namespace Sora.Abstractions.Users;

/// <summary>
/// The registry entry of one handle (key: the normalized handle). Each handle is its own grain, so claims
/// are serialized per handle and the registry spreads over the whole cluster.
/// </summary>
[Alias("Sora.IHandleRegistryGrain")]
public interface IHandleRegistryGrain : IGrainWithStringKey
{
    /// <summary>Claims the handle for <paramref name="user"/>; false when someone else holds it.</summary>
    [Alias("Claim")]
    Task<bool> ClaimAsync(UserId user);

    /// <summary>Gives the handle back, if <paramref name="user"/> holds it (a sign-up that failed after claiming).</summary>
    [Alias("Release")]
    Task ReleaseAsync(UserId user);

    [Alias("Resolve")]
    Task<UserId?> ResolveAsync();
}
