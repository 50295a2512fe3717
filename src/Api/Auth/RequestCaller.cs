using GraphQL;

namespace Sora.Api.Auth;

/// <summary>Who is calling, as established by the transport before execution.</summary>
public sealed record RequestCaller(bool IsOperator)
{
    public static RequestCaller Anonymous { get; } = new(false);

    private const string Key = "sora.caller";

    public static RequestCaller From(IResolveFieldContext context) =>
        context.UserContext.TryGetValue(Key, out var caller) && caller is RequestCaller known ? known : Anonymous;

    public Dictionary<string, object?> ToUserContext() => new() { [Key] = this };
}
