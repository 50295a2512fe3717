using GraphQL;
using Sora.Abstractions.Errors;
using Sora.Abstractions.Users;

namespace Sora.Api.Auth;

/// <summary>Who is calling, as established by the transport before execution.</summary>
/// <param name="User">The signed-in person, if the request carried a valid user token.</param>
/// <param name="Address">The peer's IP address, for per-address limits.</param>
/// <param name="ExpiresAt">When the user token this caller showed stops being valid.</param>
public sealed record RequestCaller(bool IsOperator, UserId? User = null, string? Address = null, DateTimeOffset? ExpiresAt = null)
{
    public static RequestCaller Anonymous { get; } = new(false);

    private const string Key = "sora.caller";

    public static RequestCaller From(IResolveFieldContext context) =>
        context.UserContext.TryGetValue(Key, out var caller) && caller is RequestCaller known ? known : Anonymous;

    /// <summary>The signed-in person, or UNAUTHENTICATED.</summary>
    public UserId RequireUser() =>
        User ?? throw new DomainException(ErrorCodes.Unauthenticated, "Sign in first");

    public Dictionary<string, object?> ToUserContext() => new() { [Key] = this };
}
