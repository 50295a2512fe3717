using GraphQL.Execution;
using GraphQL;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sora.Api.Auth;
using Sora.Api.Execution;
using Sora.Api.Schema;
using Sora.Api.Transport.Http;
using Sora.Api.Transport.WebSockets;

namespace Sora.Api;

public static class SoraApiExtensions
{
    public const string GraphQLPath = "/graphql";

    public static IServiceCollection AddSoraApi(this IServiceCollection services, SoraApiOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(OperatorToken.LoadOrCreate(options.DataDirectory));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => UserTokens.LoadOrCreate(options.DataDirectory, provider.GetRequiredService<TimeProvider>(), options.UserTokenLifetime));
        services.AddSingleton<Passwords>();
        services.AddSingleton<Accounts>();
        services.AddSingleton<CallerResolver>();
        services.AddSingleton<ParsedDocumentCache>();
        services.AddSingleton<Schema.Users.CreatorProfiles>();
        // The depth and complexity limits; GraphQLRequestExecutor decides when they need to run (not on every
        // request: see its RulesFor).
        services.AddSingleton(new ComplexityValidationRule(new ComplexityOptions
        {
            MaxDepth = options.MaxQueryDepth,
            MaxComplexity = options.MaxQueryComplexity,
        }));
        services.AddSingleton<GraphQLRequestExecutor>();
        services.AddSingleton<GraphQLHttpHandler>();
        services.AddSingleton<GraphQLWebSocketHandler>();
        services.AddGraphQL(graphql => graphql
            .AddSchema<SoraSchema>()
            .AddGraphTypes(typeof(SoraSchema).Assembly)
            .AddSystemTextJson()
            .AddErrorInfoProvider<SoraErrorInfoProvider>()
            // Fields of a query one after the other: nearly every resolver completes synchronously (a page's videos come
            // from the silo's local views, creators from a short cache), so the parallel strategy's per-field task
            // bookkeeping is cost without overlap.
            .AddExecutionStrategy<SerialExecutionStrategy>(GraphQLParser.AST.OperationType.Query)
            .ConfigureExecutionOptions(o => o.ThrowOnUnhandledException = false));
        return services;
    }

    public static IEndpointRouteBuilder MapSoraApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map(GraphQLPath, (HttpContext context) => context.WebSockets.IsWebSocketRequest
            ? context.RequestServices.GetRequiredService<GraphQLWebSocketHandler>().HandleAsync(context)
            : context.RequestServices.GetRequiredService<GraphQLHttpHandler>().HandleAsync(context));
        endpoints.MapMedia();
        endpoints.MapGet("/", () => Results.Text(
            $"Sora is running. GraphQL: {GraphQLPath} (HTTP and graphql-transport-ws). Dashboard: /dashboard/\n", "text/plain"));
        return endpoints;
    }

    /// <summary>The schema as SDL, as checked into <c>src/Api/schema.graphql</c>.</summary>
    public static string PrintSchema(this IServiceProvider services) =>
        services.GetRequiredService<SoraSchema>().Print(new GraphQL.Utilities.PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true });
}
