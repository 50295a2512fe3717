namespace Sora.Abstractions.Errors;

/// <summary>The error codes clients see in <c>extensions.code</c> of a GraphQL error.</summary>
public static class ErrorCodes
{
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";
    public const string NotFound = "NOT_FOUND";
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string ConsentRequired = "CONSENT_REQUIRED";
    public const string PolicyViolation = "POLICY_VIOLATION";
    public const string Conflict = "CONFLICT";
    public const string RateLimited = "RATE_LIMITED";
    public const string EngineUnavailable = "ENGINE_UNAVAILABLE";
    public const string Internal = "INTERNAL_SERVER_ERROR";
}
