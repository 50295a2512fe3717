using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sora.Api.Tests.Infrastructure;

namespace Sora.Api.Tests.Social;

/// <summary>A Sora that believes X-Forwarded-For from its loopback peer, as one behind a local reverse proxy would.</summary>
public sealed class BehindProxyTestServer : SoraTestServer
{
    protected override IReadOnlyList<IPNetwork> TrustedProxies => [IPNetwork.Parse("127.0.0.0/8")];
}

/// <summary>Per-address sign-in limits count the client behind a trusted proxy, and only then.</summary>
public sealed class ForwardedAddressTests
{
    private const string SignIn = "mutation($h: String!, $p: String!) { signIn(handle: $h, password: $p) { token } }";
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private static readonly int Limit = new SoraApiOptions { DataDirectory = "." }.SignInAttemptsPerAddress;

    /// <summary>A failed sign-in (an unknown handle) claiming to come from <paramref name="forwardedFor"/>; its error code.</summary>
    internal static async Task<string?> AttemptAsync(SoraTestServer server, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, server.GraphQLUrl)
        {
            Content = JsonContent.Create(new { query = SignIn, variables = new { h = People.NewHandle("nobody"), p = "wrong password" } }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await Http.SendAsync(request);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();
    }

    public sealed class Untrusted(SoraTestServer server) : IClassFixture<SoraTestServer>
    {
        [Fact]
        public async Task A_spoofed_forwarded_address_from_an_untrusted_peer_is_ignored()
        {
            for (var i = 0; i < Limit; i++)
                Assert.Equal("UNAUTHENTICATED", await AttemptAsync(server, $"203.0.113.{i + 1}"));

            // Every attempt came from 127.0.0.1 whatever the header said, so that address is spent.
            Assert.Equal("RATE_LIMITED", await AttemptAsync(server, "203.0.113.250"));
        }
    }

    public sealed class Trusted(BehindProxyTestServer server) : IClassFixture<BehindProxyTestServer>
    {
        [Fact]
        public async Task The_forwarded_address_from_a_trusted_proxy_is_the_one_limited()
        {
            for (var i = 0; i <= Limit; i++)
                Assert.Equal("UNAUTHENTICATED", await AttemptAsync(server, $"198.51.100.{i + 1}"));

            for (var i = 0; i < Limit; i++)
                Assert.Equal("UNAUTHENTICATED", await AttemptAsync(server, "192.0.2.7"));
            Assert.Equal("RATE_LIMITED", await AttemptAsync(server, "192.0.2.7"));
            Assert.Equal("UNAUTHENTICATED", await AttemptAsync(server, "192.0.2.8"));
        }
    }
}
