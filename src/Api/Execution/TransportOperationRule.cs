using GraphQL.Validation;
using GraphQLParser.AST;

namespace Sora.Api.Execution;

/// <summary>
/// GraphQL over HTTP may not carry subscriptions (they need the WebSocket), and GET may only carry
/// queries, so a link or a prefetch can never change anything.
/// </summary>
public sealed class TransportOperationRule(TransportKind transport) : ValidationRuleBase
{
    public const string SubscriptionNeedsWebSocket = "SUBSCRIPTION_NEEDS_WEBSOCKET";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";

    /// <summary>Whether this rule would accept every operation of the document, whichever one a request picks.</summary>
    public bool AllowsEveryOperationIn(GraphQLDocument document)
    {
        foreach (var definition in document.Definitions)
            if (definition is GraphQLOperationDefinition operation && !Allows(operation.Operation)) return false;
        return true;
    }

    private bool Allows(OperationType operation) =>
        !(transport != TransportKind.WebSocket && operation == OperationType.Subscription)
        && !(transport == TransportKind.HttpGet && operation == OperationType.Mutation);

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var operation = context.Operation.Operation;
        if (transport != TransportKind.WebSocket && operation == OperationType.Subscription)
            context.ReportError(new ValidationError("Subscriptions are served over the graphql-transport-ws WebSocket at /graphql, not over HTTP")
            { Code = SubscriptionNeedsWebSocket });
        else if (transport == TransportKind.HttpGet && operation == OperationType.Mutation)
            context.ReportError(new ValidationError("Mutations must be sent with POST") { Code = MethodNotAllowed });
        return default;
    }
}
