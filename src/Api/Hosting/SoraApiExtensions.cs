using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Sora.Api;

public static class SoraApiExtensions
{
    public static IServiceCollection AddSoraApi(this IServiceCollection services, SoraApiOptions options)
    {
        services.AddSingleton(options);
        return services;
    }

    public static IEndpointRouteBuilder MapSoraApi(this IEndpointRouteBuilder endpoints) => endpoints;
}
