using GraphQL;
using GraphQL.Transport;
using GraphQL.Validation;
using Sora.Api.Auth;
using Sora.Api.Schema;

namespace Sora.Api.Execution;

/// <summary>Runs one GraphQL request for either transport, with the limits and caller of that request.</summary>
public sealed class GraphQLRequestExecutor(IDocumentExecuter<SoraSchema> executer)
{
    public Task<ExecutionResult> ExecuteAsync(
        GraphQLRequest request, RequestCaller caller, TransportKind transport, IServiceProvider requestServices, CancellationToken cancellationToken) =>
        executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            UserContext = caller.ToUserContext(),
            RequestServices = requestServices,
            CancellationToken = cancellationToken,
            ValidationRules = DocumentValidator.CoreRules.Append(new TransportOperationRule(transport)),
        });
}
