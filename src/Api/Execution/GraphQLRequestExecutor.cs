using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using GraphQL.Transport;
using GraphQL.Validation;
using GraphQL.Validation.Rules.Custom;
using Sora.Api.Auth;
using Sora.Api.Schema;

namespace Sora.Api.Execution;

/// <summary>Runs one GraphQL request for either transport, with the limits and caller of that request.</summary>
public sealed class GraphQLRequestExecutor(
    IDocumentExecuter<SoraSchema> executer, IDocumentBuilder parser, ParsedDocumentCache documents, ComplexityValidationRule limits,
    SoraApiOptions options)
{
    /// <summary>The error code of a document refused for its size or nesting before it is validated.</summary>
    public const string DocumentTooLarge = "DOCUMENT_TOO_LARGE";

    private static readonly Dictionary<TransportKind, TransportOperationRule> TransportRules =
        Enum.GetValues<TransportKind>().ToDictionary(t => t, t => new TransportOperationRule(t));

    public async Task<ExecutionResult> ExecuteAsync(
        GraphQLRequest request, RequestCaller caller, TransportKind transport, IServiceProvider requestServices, CancellationToken cancellationToken)
    {
        var transportRule = TransportRules[transport];
        var cached = request.Query is { } text ? documents.Find(text) : null;
        GraphQLDocument? document;
        try
        {
            document = cached?.Document ?? TryParse(request.Query);
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return Refused("the document is nested too deeply to be read");
        }
        if (cached is null && document is not null && DocumentSize.Count(document, options.MaxQuerySelections) > options.MaxQuerySelections)
            return Refused($"the document has more than {options.MaxQuerySelections} fields, fragments and directives; " +
                "a query that large is refused before it is validated (ask for fewer fields, or split it)");
        var withoutVariables = request.Variables is null || request.Variables.Count == 0;
        var execution = new ExecutionOptions
        {
            Query = request.Query,
            Document = document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            UserContext = caller.ToUserContext(),
            RequestServices = requestServices,
            CancellationToken = cancellationToken,
            ValidationRules = RulesFor(cached, request.OperationName, withoutVariables, transportRule),
        };
        var result = await executer.ExecuteAsync(execution);
        if (result.Executed && document is not null && request.Query is { } query)
        {
            var entry = cached ?? documents.Add(query, document);
            if (withoutVariables) entry.MarkWithinLimitsWithoutVariables(request.OperationName);
        }
        return result;
    }

    /// <summary>
    /// Parses here (the executer does not hand back what it parsed), so that a document that ran can be cached;
    /// one that does not parse is left to the executer, which reports the syntax error as usual.
    /// </summary>
    private GraphQLDocument? TryParse(string? query)
    {
        if (query is null) return null;
        try { return parser.Build(query); }
        catch (ExecutionError) { return null; }
        catch (GraphQLSyntaxErrorException) { return null; }
    }

    /// <summary>A request refused before validation: not executed, so the HTTP transport answers 400.</summary>
    private static ExecutionResult Refused(string message) =>
        new() { Errors = [new ExecutionError(message) { Code = DocumentTooLarge }] };

    /// <summary>
    /// A new document goes through every rule. A cached one passed the rules that look at the schema alone;
    /// the rules that look at this request (its transport, and the depth and complexity limits, which depend
    /// on the variables) run again, unless it has no variables, its operation already ran without them, and
    /// every operation in it is allowed on this transport: then nothing about it can have changed, and the
    /// document is not walked at all.
    /// </summary>
    private IEnumerable<IValidationRule> RulesFor(CachedDocument? cached, string? operationName, bool withoutVariables, TransportOperationRule transportRule)
    {
        if (cached is null) return [.. DocumentValidator.CoreRules, transportRule, limits];
        if (withoutVariables && cached.IsWithinLimitsWithoutVariables(operationName) && transportRule.AllowsEveryOperationIn(cached.Document)) return [];
        return [transportRule, limits];
    }
}
