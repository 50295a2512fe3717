namespace Sora.Api;

/// <summary>Settings of the HTTP/GraphQL surface.</summary>
public sealed record SoraApiOptions
{
    public required string DataDirectory { get; init; }
    public string Mode { get; init; } = "embedded";
    public long MaxRequestBytes { get; init; } = 64 * 1024;
    public int MaxQueryDepth { get; init; } = 12;
    public int MaxQueryComplexity { get; init; } = 2_000;

    /// <summary>
    /// Fields, fragment spreads, inline fragments and directives a document may hold as written, checked before anything
    /// else: validation compares same-named fields pairwise, so 9,000 copies of one field cost seconds of CPU. The
    /// largest query a real app sends holds about a hundred.
    /// </summary>
    public int MaxQuerySelections { get; init; } = 500;
    public TimeSpan ConnectionInitTimeout { get; init; } = TimeSpan.FromSeconds(10);
    public int MaxSubscriptionsPerSocket { get; init; } = 64;
    public TimeSpan UserTokenLifetime { get; init; } = TimeSpan.FromDays(7);
    public int SignInAttemptsPerHandle { get; init; } = 10;
    public int SignInAttemptsPerAddress { get; init; } = 30;
    public TimeSpan SignInWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Reverse proxies whose X-Forwarded-For names the client (see <see cref="Hosting.TrustedProxies"/>); none by default.</summary>
    public IReadOnlyList<System.Net.IPNetwork> TrustedProxies { get; init; } = [];
}
