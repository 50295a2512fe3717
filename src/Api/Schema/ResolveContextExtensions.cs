using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using Sora.Abstractions.Users;
using Sora.Api.Auth;

namespace Sora.Api.Schema;

internal static class ResolveContextExtensions
{
    public static IGrainFactory Grains(this IResolveFieldContext context) => context.Service<IGrainFactory>();

    public static T Service<T>(this IResolveFieldContext context) where T : notnull =>
        context.RequestServices!.GetRequiredService<T>();

    public static RequestCaller Caller(this IResolveFieldContext context) => RequestCaller.From(context);

    /// <summary>The signed-in person, or null for anonymous and operator callers.</summary>
    public static UserId? Viewer(this IResolveFieldContext context) => RequestCaller.From(context).User;

    public static UserId RequireUser(this IResolveFieldContext context) => RequestCaller.From(context).RequireUser();

    public static IUserGrain UserGrain(this IResolveFieldContext context, UserId user) =>
        context.Grains().GetGrain<IUserGrain>(user.Value);
}
