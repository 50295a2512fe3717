using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Sora.Api.Auth;

namespace Sora.Silo.Hosting;

/// <summary>
/// The dashboard is for operators: it shows the cluster's hosts and ports, every grain's activity and the live log. Its
/// pages and the calls they make need the operator token, as a bearer token or as the password of HTTP Basic
/// authentication (any user name), which a browser asks for once and then sends with every call of the page.
/// </summary>
public static class DashboardOperatorGate
{
    public static void UseDashboardOperatorGate(this WebApplication app, string dashboardPath)
    {
        var (token, callers) = (app.Services.GetRequiredService<OperatorToken>(), app.Services.GetRequiredService<CallerResolver>());
        app.UseWhen(context => context.Request.Path.StartsWithSegments(dashboardPath), branch => branch.Use(async (context, next) =>
        {
            // A browser keeps Basic credentials for the folder of the page that asked: asked at /dashboard (the site's
            // root folder) it would send them to the API too, which takes bearer tokens only.
            if (string.Equals(context.Request.Path.Value, dashboardPath, StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Redirect(dashboardPath + "/" + context.Request.QueryString);
                return;
            }
            string? authorization = context.Request.Headers.Authorization;
            var isOperator = BasicPassword(authorization) is { } password
                ? token.Matches(password)
                : callers.Resolve(authorization).Caller?.IsOperator == true;
            if (isOperator)
            {
                await next(context);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"Sora operators\", charset=\"UTF-8\"";
            await context.Response.WriteAsync("The dashboard is for operators: sign in with any user name and the operator token (DATA/operator.token) as the password.\n");
        }));
    }

    /// <summary>The password of Basic credentials (what a browser sends); null for any other kind, left to the API's resolver.</summary>
    private static string? BasicPassword(string? authorization)
    {
        if (!AuthenticationHeaderValue.TryParse(authorization, out var header) || header.Parameter is not { } parameter
            || !header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            var credentials = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
            var colon = credentials.IndexOf(':');
            return colon < 0 ? null : credentials[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
