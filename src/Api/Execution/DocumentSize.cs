using GraphQLParser.AST;

namespace Sora.Api.Execution;

/// <summary>
/// How many selections (fields, fragment spreads, inline fragments) and directives a document holds, counted once each
/// as written. Checking that fields of the same name can be merged compares them pairwise, so a document that repeats one
/// field thousands of times costs seconds to validate; counting first refuses it in microseconds.
/// </summary>
public static class DocumentSize
{
    /// <summary>The count, or any number above <paramref name="limit"/> once it is passed (the rest is not walked).</summary>
    public static int Count(GraphQLDocument document, int limit)
    {
        var count = 0;
        var pending = new Stack<GraphQLSelectionSet>();
        foreach (var definition in document.Definitions)
        {
            if (definition is not GraphQLExecutableDefinition executable) continue;
            count += executable.Directives?.Count ?? 0;
            pending.Push(executable.SelectionSet);
        }
        while (pending.Count > 0 && count <= limit)
        {
            foreach (var selection in pending.Pop().Selections)
            {
                count++;
                switch (selection)
                {
                    case GraphQLField field:
                        count += field.Directives?.Count ?? 0;
                        if (field.SelectionSet is { } fields) pending.Push(fields);
                        break;
                    case GraphQLInlineFragment inline:
                        count += inline.Directives?.Count ?? 0;
                        pending.Push(inline.SelectionSet);
                        break;
                    case GraphQLFragmentSpread spread:
                        count += spread.Directives?.Count ?? 0;
                        break;
                }
            }
        }
        return count;
    }
}
