using GraphQL;
using GraphQL.Transport;
using GraphQL.Validation;
using Sora.Api.Auth;
using Sora.Api.Schema;

namespace Sora.Api.Execution;

/// <summary>Runs one GraphQL request for either transport, with the limits and caller of that request.</summary>
public sealed class GraphQLRequestExecutor(IDocumentExecuter<SoraSchema> executer, ParsedDocumentCache documents)
{
    private static readonly Dictionary<TransportKind, IValidationRule[]> TransportRules =
        Enum.GetValues<TransportKind>().ToDictionary(t => t, t => new IValidationRule[] { new TransportOperationRule(t) });

    public async Task<ExecutionResult> ExecuteAsync(
        GraphQLRequest request, RequestCaller caller, TransportKind transport, IServiceProvider requestServices, CancellationToken cancellationToken)
    {
        var transportRules = TransportRules[transport];
        var cached = request.Query is { } text ? documents.Find(text) : null;
        var options = new ExecutionOptions
        {
            Query = request.Query,
            Document = cached,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            UserContext = caller.ToUserContext(),
            RequestServices = requestServices,
            CancellationToken = cancellationToken,
            // A cached document passed the rules that look at the schema alone; the rules that look at this
            // request (its transport, and the complexity that the limits add, which depends on the variables) run every time.
            ValidationRules = cached is null ? DocumentValidator.CoreRules.Concat(transportRules) : transportRules,
        };
        var result = await executer.ExecuteAsync(options);
        if (cached is null && result.Executed && options.Document is { } parsed && request.Query is { } query) documents.Add(query, parsed);
        return result;
    }
}
