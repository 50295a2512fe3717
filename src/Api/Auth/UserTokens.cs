using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sora.Abstractions.Users;

namespace Sora.Api.Auth;

/// <summary>
/// Bearer tokens of signed-in people: <c>sora_u_</c> + base64url(JSON {sub, exp}) + "." + base64url(HMAC-SHA256).
/// The key is <c>auth.key</c> in the data folder, created at first start and readable by its owner only,
/// so every process of one data folder (or one cluster sharing it) accepts the same tokens.
/// </summary>
public sealed class UserTokens
{
    public const string FileName = "auth.key";
    public const string Prefix = "sora_u_";

    private readonly byte[] _key;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _lifetime;

    private UserTokens(byte[] key, TimeProvider clock, TimeSpan lifetime)
    {
        _key = key;
        _clock = clock;
        _lifetime = lifetime;
    }

    public static UserTokens LoadOrCreate(string dataDirectory, TimeProvider clock, TimeSpan lifetime) =>
        new(SecretFile.LoadOrCreate(Path.Combine(dataDirectory, FileName), 32), clock, lifetime);

    public string Issue(UserId user) => Issue(user, _clock.GetUtcNow() + _lifetime);

    public string Issue(UserId user, DateTimeOffset expires)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new TokenPayload(user.Value, expires.ToUnixTimeSeconds()));
        var body = Base64Url.EncodeToString(payload);
        return Prefix + body + "." + Base64Url.EncodeToString(Sign(body));
    }

    /// <summary>The person the token was issued to, or null when it is forged, malformed or expired.</summary>
    public UserId? Validate(string token) => Read(token)?.User;

    /// <summary>The person the token was issued to and when it expires, or null when it is forged, malformed or expired.</summary>
    public ValidToken? Read(string token)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 512) return null;
        var parts = token[Prefix.Length..].Split('.');
        if (parts.Length != 2) return null;
        try
        {
            if (!CryptographicOperations.FixedTimeEquals(Sign(parts[0]), Base64Url.DecodeFromChars(parts[1]))) return null;
            var payload = JsonSerializer.Deserialize<TokenPayload>(Base64Url.DecodeFromChars(parts[0]));
            if (payload is null || !UserId.TryParse(payload.Sub, out var user)) return null;
            var expires = DateTimeOffset.FromUnixTimeSeconds(payload.Exp);
            return expires > _clock.GetUtcNow() ? new ValidToken(user, expires) : null;
        }
        catch (Exception error) when (error is FormatException or JsonException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private byte[] Sign(string body) => HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(body));

    private sealed record TokenPayload(
        [property: System.Text.Json.Serialization.JsonPropertyName("sub")] string Sub,
        [property: System.Text.Json.Serialization.JsonPropertyName("exp")] long Exp);
}

/// <summary>A checked user token: whom it names, and until when it holds.</summary>
public readonly record struct ValidToken(UserId User, DateTimeOffset Expires);
