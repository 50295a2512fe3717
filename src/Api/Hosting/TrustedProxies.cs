using System.Net;
using IPNetwork = System.Net.IPNetwork;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;

namespace Sora.Api.Hosting;

/// <summary>
/// Reverse proxies whose <c>X-Forwarded-For</c> is believed. Only when the operator names some does the client
/// address (for per-address sign-in limits) come from that header, and only from a request whose peer is one of
/// them; anyone else could write any address there.
/// </summary>
public static class TrustedProxies
{
    /// <summary>A network in CIDR notation (<c>10.0.0.0/8</c>) or one address (<c>10.1.2.3</c>).</summary>
    public static bool TryParse(string text, out IPNetwork network)
    {
        var trimmed = text.Trim();
        if (IPNetwork.TryParse(trimmed, out network)) return true;
        if (!IPAddress.TryParse(trimmed, out var address)) return false;
        network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        return true;
    }

    public static IPNetwork Parse(string text) =>
        TryParse(text, out var network) ? network : throw new FormatException($"'{text}' is not an IP address or a CIDR network such as 10.0.0.0/8");

    /// <summary>Takes the client address from the last hop of <c>X-Forwarded-For</c> when a trusted proxy sent it.</summary>
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app, IReadOnlyList<IPNetwork> proxies)
    {
        if (proxies.Count == 0) return app;
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        // The defaults trust loopback; only what the operator named is trusted here.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var network in proxies) options.KnownIPNetworks.Add(network);
        return app.UseForwardedHeaders(options);
    }
}
