using GraphQL;
using GraphQL.Execution;
using Orleans.Runtime;
using Sora.Abstractions.Errors;

namespace Sora.Api.Execution;

/// <summary>
/// Domain errors keep their message and code (plus the field for bad input); anything unexpected becomes an
/// INTERNAL_SERVER_ERROR without details, so no stack trace or internal message ever reaches a client.
/// </summary>
public sealed class SoraErrorInfoProvider : ErrorInfoProvider
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        var domain = FindDomainException(executionError);
        if (domain is not null)
        {
            info.Message = domain.Message;
            var extensions = new Dictionary<string, object?> { ["code"] = domain.Code };
            if (domain.Field is not null) extensions["field"] = domain.Field;
            info.Extensions = extensions;
        }
        else if (IsTransient(executionError))
        {
            info.Message = "A node of the cluster is unavailable; the request can be retried in a few seconds";
            info.Extensions = new Dictionary<string, object?> { ["code"] = "UNAVAILABLE" };
        }
        else if (executionError is UnhandledError)
        {
            info.Message = "Internal error; it has been logged";
            info.Extensions = new Dictionary<string, object?> { ["code"] = ErrorCodes.Internal };
        }
        return info;
    }

    /// <summary>A silo died and the cluster has not yet noticed: the grain will be reachable again once it has.</summary>
    private static bool IsTransient(Exception error)
    {
        for (Exception? current = error; current is not null; current = current.InnerException)
            if (current is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException) return true;
        return false;
    }

    private static DomainException? FindDomainException(Exception error)
    {
        for (Exception? current = error; current is not null; current = current.InnerException)
            if (current is DomainException domain) return domain;
        return null;
    }
}
