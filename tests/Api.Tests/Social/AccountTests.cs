using System.Net;
using System.Net.Http.Headers;
using Sora.Abstractions.Users;
using Sora.Api.Auth;
using Sora.Api.Tests.Infrastructure;

namespace Sora.Api.Tests.Social;

public sealed class AccountTests(SoraTestServer server) : IClassFixture<SoraTestServer>
{
    private GraphQLClient Anonymous => new(server.GraphQLUrl);

    private const string SignIn = "mutation($h: String!, $p: String!) { signIn(handle: $h, password: $p) { token user { handle } } }";

    [Fact]
    public async Task Signing_up_and_signing_in_give_tokens_that_me_recognises()
    {
        var ann = await People.SignUpAsync(server, "ann");
        var me = await ann.Client.DataAsync("{ me { id handle displayName followerCount } }");
        Assert.Equal(ann.Handle, me.GetProperty("me").GetProperty("handle").GetString());

        var signIn = await Anonymous.DataAsync(SignIn, new { h = ann.Handle.ToUpperInvariant(), p = People.Password });
        var token = signIn.GetProperty("signIn").GetProperty("token").GetString();
        var again = await Anonymous.As(token).DataAsync("{ me { id } }");
        Assert.Equal(ann.Id, again.GetProperty("me").GetProperty("id").GetString());
        Assert.Equal(JsonValueKindNull, (await Anonymous.DataAsync("{ me { id } }")).GetProperty("me").ValueKind);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task A_profile_can_be_changed_by_its_owner()
    {
        var ann = await People.SignUpAsync(server, "ann");
        var data = await ann.Client.DataAsync("mutation { updateProfile(displayName: \"Ann B.\", bio: \"makes boats\") { displayName bio } }");
        Assert.Equal("Ann B.", data.GetProperty("updateProfile").GetProperty("displayName").GetString());
        var seen = await Anonymous.DataAsync("query($h: String!) { user(handle: $h) { displayName bio } }", new { h = ann.Handle });
        Assert.Equal("makes boats", seen.GetProperty("user").GetProperty("bio").GetString());
    }

    [Fact]
    public async Task Handles_are_unique_whatever_their_case()
    {
        var ann = await People.SignUpAsync(server, "ann");
        var error = await Anonymous.ErrorAsync(
            "mutation($h: String!) { signUp(handle: $h, password: \"long enough password\", displayName: \"Imposter\") { token } }",
            new { h = ann.Handle.ToUpperInvariant() });
        Assert.Equal(("CONFLICT", "handle"), (error.Code, error.Field));
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_handle_get_the_same_answer()
    {
        var ann = await People.SignUpAsync(server, "ann");
        var wrong = await Anonymous.ErrorAsync(SignIn, new { h = ann.Handle, p = "not the password" });
        var unknown = await Anonymous.ErrorAsync(SignIn, new { h = People.NewHandle("nobody"), p = "not the password" });
        Assert.Equal("UNAUTHENTICATED", wrong.Code);
        Assert.Equal(wrong, unknown);
    }

    [Fact]
    public async Task Forged_tampered_and_expired_tokens_are_unauthenticated()
    {
        var ann = await People.SignUpAsync(server, "ann");
        var tokens = UserTokens.LoadOrCreate(server.DataDirectory, TimeProvider.System, TimeSpan.FromDays(1));
        var expired = tokens.Issue(new UserId(ann.Id), DateTimeOffset.UtcNow.AddSeconds(-1));
        var otherKey = UserTokens.LoadOrCreate(Directory.CreateTempSubdirectory("sora-other-key-").FullName, TimeProvider.System, TimeSpan.FromDays(1));
        var forged = otherKey.Issue(new UserId(ann.Id));
        var tampered = ann.Token[..^2] + (ann.Token[^2] == 'A' ? "BB" : "AA");

        foreach (var token in new[] { expired, forged, tampered, "sora_u_garbage" })
        {
            using var http = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, server.GraphQLUrl) { Content = new StringContent("{\"query\":\"{ me { id } }\"}", System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("UNAUTHENTICATED", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(ann.Id, (await ann.Client.DataAsync("{ me { id } }")).GetProperty("me").GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_expired_token_is_refused_on_the_live_socket_too()
    {
        var ann = await People.SignUpAsync(server, "ann");
        var tokens = UserTokens.LoadOrCreate(server.DataDirectory, TimeProvider.System, TimeSpan.FromDays(1));
        var expired = tokens.Issue(new UserId(ann.Id), DateTimeOffset.UtcNow.AddSeconds(-1));
        var init = System.Text.Json.JsonSerializer.Serialize(new { type = "connection_init", payload = new { authorization = "Bearer " + expired } });

        var result = await NodeProbe.RunAsync(new { kind = "raw", url = server.WebSocketUrl, send = new[] { init } });

        // graphql-transport-ws has one answer to refused credentials in connection_init: close with 4403.
        Assert.Equal(4403, result.GetProperty("closeCode").GetInt32());
    }

    [Fact]
    public void The_signing_key_is_readable_by_its_owner_only()
    {
        var mode = File.GetUnixFileMode(Path.Combine(server.DataDirectory, UserTokens.FileName));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
    }

    [Fact]
    public async Task The_operator_token_still_works()
    {
        var response = await Anonymous.As(server.OperatorToken).DataAsync("mutation { announce(message: \"still here\") { sequence } }");
        Assert.True(response.GetProperty("announce").GetProperty("sequence").GetInt64() > 0);
    }
}

/// <summary>Sign-in limits, on a server of their own (every test client shares the address 127.0.0.1).</summary>
public sealed class SignInLimitTests(SoraTestServer server) : IClassFixture<SoraTestServer>
{
    private const string SignIn = "mutation($h: String!, $p: String!) { signIn(handle: $h, password: $p) { token } }";

    [Fact]
    public async Task Sign_in_attempts_are_limited_per_handle_and_per_address()
    {
        var options = new SoraApiOptions { DataDirectory = server.DataDirectory };
        var ann = await People.SignUpAsync(server, "ann");
        var client = new GraphQLClient(server.GraphQLUrl);

        for (var i = 0; i < options.SignInAttemptsPerHandle; i++)
            Assert.Equal("UNAUTHENTICATED", (await client.ErrorAsync(SignIn, new { h = ann.Handle, p = "guess number " + i })).Code);
        var limited = await client.ErrorAsync(SignIn, new { h = ann.Handle, p = People.Password });
        Assert.Equal("RATE_LIMITED", limited.Code);

        var used = options.SignInAttemptsPerHandle + 1;
        for (var i = used; i < options.SignInAttemptsPerAddress; i++)
            Assert.Equal("UNAUTHENTICATED", (await client.ErrorAsync(SignIn, new { h = People.NewHandle("other"), p = "guess number " + i })).Code);
        var byAddress = await client.ErrorAsync(SignIn, new { h = People.NewHandle("fresh"), p = "whatever it is" });
        Assert.Equal("RATE_LIMITED", byAddress.Code);
    }
}
