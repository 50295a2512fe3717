using System.Net.Mime;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Sora.Abstractions.Errors;
using Sora.Api.Auth;
using Sora.Api.Execution;

namespace Sora.Api.Transport.Http;

/// <summary>
/// GraphQL over HTTP: POST with a JSON body or GET with query parameters. With
/// <c>application/graphql-response+json</c> the status tells a request that could not run (4xx) from one
/// that ran (200); with plain <c>application/json</c> every answered request is 200.
/// </summary>
public sealed class GraphQLHttpHandler(
    GraphQLRequestExecutor executor,
    IGraphQLTextSerializer serializer,
    CallerResolver callers,
    SoraApiOptions options,
    ILogger<GraphQLHttpHandler> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var isGet = HttpMethods.IsGet(context.Request.Method);
        if (!isGet && !HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.Headers.Allow = "GET, POST";
            await WriteErrorAsync(context, ResponseMediaType.GraphQLResponse, StatusCodes.Status405MethodNotAllowed, "Use GET or POST",
                TransportOperationRule.MethodNotAllowed);
            return;
        }

        var mediaType = ResponseMediaType.Negotiate(context.Request.Headers.Accept);
        if (mediaType is null)
        {
            await WriteErrorAsync(context, ResponseMediaType.GraphQLResponse, StatusCodes.Status406NotAcceptable,
                $"Accept {ResponseMediaType.GraphQLResponse} or {ResponseMediaType.Json}", NotAcceptable);
            return;
        }

        var (request, status, problem) = isGet ? ReadGet(context.Request) : await ReadPostAsync(context.Request, context.RequestAborted);
        if (request is null)
        {
            await WriteErrorAsync(context, mediaType, status, problem!, ErrorCodes.BadUserInput);
            return;
        }

        var caller = callers.Resolve(context.Request.Headers.Authorization.ToString(), context.Connection.RemoteIpAddress?.ToString());
        if (caller.Caller is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteErrorAsync(context, mediaType, StatusCodes.Status401Unauthorized, caller.Error!, ErrorCodes.Unauthenticated);
            return;
        }

        var transport = isGet ? TransportKind.HttpGet : TransportKind.HttpPost;
        var result = await executor.ExecuteAsync(request, caller.Caller, transport, context.RequestServices, context.RequestAborted);
        await WriteResultAsync(context, mediaType, StatusFor(result, mediaType), result);
    }

    private const string NotAcceptable = "NOT_ACCEPTABLE";

    private static int StatusFor(ExecutionResult result, string mediaType)
    {
        if (mediaType == ResponseMediaType.Json || result.Executed) return StatusCodes.Status200OK;
        if (result.Errors?.Any(e => e.Code == TransportOperationRule.MethodNotAllowed) == true) return StatusCodes.Status405MethodNotAllowed;
        return StatusCodes.Status400BadRequest;
    }

    private (GraphQLRequest? Request, int Status, string? Problem) ReadGet(HttpRequest http)
    {
        var query = http.Query["query"].ToString();
        if (string.IsNullOrWhiteSpace(query)) return (null, StatusCodes.Status400BadRequest, "The 'query' parameter is required");
        if (query.Length > options.MaxRequestBytes) return (null, StatusCodes.Status413PayloadTooLarge, $"The query is larger than {options.MaxRequestBytes} bytes");
        try
        {
            var variables = http.Query["variables"].ToString();
            var extensions = http.Query["extensions"].ToString();
            return (new GraphQLRequest
            {
                Query = query,
                OperationName = NullIfEmpty(http.Query["operationName"].ToString()),
                Variables = variables.Length == 0 ? null : serializer.Deserialize<Inputs>(variables),
                Extensions = extensions.Length == 0 ? null : serializer.Deserialize<Inputs>(extensions),
            }, 0, null);
        }
        catch (Exception error) when (UnreadableInput.Is(error))
        {
            return (null, StatusCodes.Status400BadRequest, "'variables' and 'extensions' must each be a JSON object");
        }
    }

    private async Task<(GraphQLRequest? Request, int Status, string? Problem)> ReadPostAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        if (!IsJson(http.ContentType))
            return (null, StatusCodes.Status415UnsupportedMediaType, "POST a JSON body with Content-Type: application/json");
        if (http.ContentLength > options.MaxRequestBytes)
            return (null, StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {options.MaxRequestBytes} bytes");

        var body = await ReadLimitedAsync(http.Body, options.MaxRequestBytes, cancellationToken);
        if (body is null)
            return (null, StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {options.MaxRequestBytes} bytes");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException error)
        {
            // Said in our words: the parser's own name the .NET types it was reading into.
            return (null, StatusCodes.Status400BadRequest, body.Length == 0
                ? "The request body is empty; POST a JSON object with a 'query'"
                : $"The request body is not valid JSON (line {error.LineNumber + 1 ?? 1}, byte {error.BytePositionInLine + 1 ?? 1} of that line)");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return (null, StatusCodes.Status400BadRequest, "The request body must be a JSON object (batching is not supported)");
            if (ShapeProblem(root) is { } shape) return (null, StatusCodes.Status400BadRequest, shape);
            GraphQLRequest? request;
            try
            {
                request = serializer.ReadNode<GraphQLRequest>(root);
            }
            catch (Exception error) when (UnreadableInput.Is(error))
            {
                return (null, StatusCodes.Status400BadRequest,
                    "The request holds a value that cannot be read as GraphQL input (a number out of range, or a member of the wrong kind)");
            }
            if (request is null || string.IsNullOrWhiteSpace(request.Query))
                return (null, StatusCodes.Status400BadRequest, "The request has no 'query'");
            return (request, 0, null);
        }
    }

    /// <summary>What is wrong with the members of a GraphQL-over-HTTP request object, if anything.</summary>
    private static string? ShapeProblem(JsonElement request)
    {
        foreach (var member in request.EnumerateObject())
        {
            var kind = member.Value.ValueKind;
            var problem = member.Name switch
            {
                "query" when kind != JsonValueKind.String => "'query' must be a string",
                "operationName" when kind is not (JsonValueKind.String or JsonValueKind.Null) => "'operationName' must be a string or null",
                "variables" or "extensions" when kind is not (JsonValueKind.Object or JsonValueKind.Null) => $"'{member.Name}' must be a JSON object or null",
                _ => null,
            };
            if (problem is not null) return problem;
        }
        return null;
    }

    private static async Task<byte[]?> ReadLimitedAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && contentType.Split(';')[0].Trim().Equals(MediaTypeNames.Application.Json, StringComparison.OrdinalIgnoreCase);

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private Task WriteErrorAsync(HttpContext context, string mediaType, int status, string message, string? code)
    {
        if (status >= 500) logger.LogError("GraphQL request failed with {Status}: {Message}", status, message);
        var error = new ExecutionError(message);
        if (code is not null) error.Code = code;
        return WriteResultAsync(context, mediaType, status, new ExecutionResult { Errors = [error], Executed = false });
    }

    private async Task WriteResultAsync(HttpContext context, string mediaType, int status, ExecutionResult result)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = $"{mediaType}; charset=utf-8";
        await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }
}
