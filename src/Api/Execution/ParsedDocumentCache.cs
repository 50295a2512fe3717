using System.Collections.Concurrent;
using GraphQLParser.AST;

namespace Sora.Api.Execution;

/// <summary>
/// Documents that parsed and passed validation once, by their query text, so that clients that send the same
/// query again (a feed, a profile) skip parsing and the schema-only validation rules. Bounded by the total
/// length of the cached texts: when full, it starts over, which keeps it simple and still right.
/// </summary>
public sealed class ParsedDocumentCache(int maxTotalChars = 1_000_000, int maxQueryChars = 16 * 1024)
{
    private readonly ConcurrentDictionary<string, CachedDocument> _documents = new(StringComparer.Ordinal);
    private long _totalChars;

    public CachedDocument? Find(string query) => _documents.GetValueOrDefault(query);

    public CachedDocument Add(string query, GraphQLDocument document)
    {
        var entry = new CachedDocument(document);
        if (query.Length > maxQueryChars) return entry;
        if (Interlocked.Add(ref _totalChars, query.Length) > maxTotalChars)
        {
            _documents.Clear();
            Interlocked.Exchange(ref _totalChars, query.Length);
        }
        return _documents.GetOrAdd(query, entry);
    }
}

/// <summary>A parsed, validated document, and which of its operations are known to be within the depth and complexity limits.</summary>
public sealed class CachedDocument(GraphQLDocument document)
{
    private readonly ConcurrentDictionary<string, bool> _withinLimitsWithoutVariables = new(StringComparer.Ordinal);

    public GraphQLDocument Document { get; } = document;

    /// <summary>
    /// True once a request without variables ran this operation: its depth and complexity depend only on the
    /// document and the variables, so every later request without variables is within the limits too.
    /// </summary>
    public bool IsWithinLimitsWithoutVariables(string? operationName) => _withinLimitsWithoutVariables.ContainsKey(operationName ?? "");

    public void MarkWithinLimitsWithoutVariables(string? operationName) => _withinLimitsWithoutVariables.TryAdd(operationName ?? "", true);
}
