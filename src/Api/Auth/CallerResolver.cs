namespace Sora.Api.Auth;

/// <summary>Turns the credentials a transport received into a <see cref="RequestCaller"/>, or says why not.</summary>
public sealed class CallerResolver(OperatorToken operatorToken)
{
    private const string BearerPrefix = "Bearer ";

    /// <param name="authorization">An <c>Authorization</c> header value, or null when the request had none.</param>
    public CallerResolution Resolve(string? authorization)
    {
        if (string.IsNullOrEmpty(authorization)) return CallerResolution.Success(RequestCaller.Anonymous);
        if (!authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            return CallerResolution.Failure("Authorization must be a Bearer token");
        var token = authorization[BearerPrefix.Length..].Trim();
        return operatorToken.Matches(token)
            ? CallerResolution.Success(new RequestCaller(IsOperator: true))
            : CallerResolution.Failure("The token is not valid or has expired");
    }
}

public readonly record struct CallerResolution(RequestCaller? Caller, string? Error)
{
    public static CallerResolution Success(RequestCaller caller) => new(caller, null);
    public static CallerResolution Failure(string error) => new(null, error);
}
