using GraphQL.Types.Relay.DataObjects;

namespace Sora.Api.Schema.Paging;

internal static class Connections
{
    public static Connection<T> Of<T>(IReadOnlyList<(T Node, string Cursor)> items, bool hasNextPage, bool hasPreviousPage) => new()
    {
        Edges = [.. items.Select(i => new Edge<T> { Node = i.Node, Cursor = i.Cursor })],
        PageInfo = new PageInfo
        {
            HasNextPage = hasNextPage,
            HasPreviousPage = hasPreviousPage,
            StartCursor = items.Count > 0 ? items[0].Cursor : null,
            EndCursor = items.Count > 0 ? items[^1].Cursor : null,
        },
    };
}
