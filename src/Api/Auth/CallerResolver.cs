namespace Sora.Api.Auth;

/// <summary>Turns the credentials a transport received into a <see cref="RequestCaller"/>, or says why not.</summary>
public sealed class CallerResolver(OperatorToken operatorToken, UserTokens userTokens)
{
    private const string BearerPrefix = "Bearer ";

    /// <param name="authorization">An <c>Authorization</c> header value, or null when the request had none.</param>
    /// <param name="address">The peer's IP address, when the transport knows it.</param>
    public CallerResolution Resolve(string? authorization, string? address = null)
    {
        if (string.IsNullOrEmpty(authorization)) return CallerResolution.Success(RequestCaller.Anonymous with { Address = address });
        if (!authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            return CallerResolution.Failure("Authorization must be a Bearer token");
        var token = authorization[BearerPrefix.Length..].Trim();
        if (operatorToken.Matches(token)) return CallerResolution.Success(new RequestCaller(IsOperator: true, Address: address));
        return userTokens.Read(token) is { } valid
            ? CallerResolution.Success(new RequestCaller(IsOperator: false, User: valid.User, Address: address, ExpiresAt: valid.Expires))
            : CallerResolution.Failure("The token is not valid or has expired");
    }
}

public readonly record struct CallerResolution(RequestCaller? Caller, string? Error)
{
    public static CallerResolution Success(RequestCaller caller) => new(caller, null);
    public static CallerResolution Failure(string error) => new(null, error);
}
