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
    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);
    private long _totalChars;

    public GraphQLDocument? Find(string query) => _documents.GetValueOrDefault(query);

    public void Add(string query, GraphQLDocument document)
    {
        if (query.Length > maxQueryChars) return;
        if (Interlocked.Add(ref _totalChars, query.Length) > maxTotalChars)
        {
            _documents.Clear();
            Interlocked.Exchange(ref _totalChars, query.Length);
        }
        _documents[query] = document;
    }
}
