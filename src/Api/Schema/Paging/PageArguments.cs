using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Sora.Abstractions.Errors;
using Sora.Abstractions.Videos;

namespace Sora.Api.Schema.Paging;

/// <summary>The Relay arguments <c>first</c> (1–100, default 20) and <c>after</c> of every list.</summary>
internal static class PageArguments
{
    public const int DefaultFirst = 20;

    public static FieldBuilder<TSource, TReturn> PageArgs<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) => field
        .Argument<IntGraphType>("first", a =>
        {
            a.DefaultValue = DefaultFirst;
            a.Description = $"How many items, 1–{VideoLimits.MaxPageSize}.";
        })
        .Argument<StringGraphType>("after", a => a.Description = "The endCursor of the previous page.");

    public static int First(IResolveFieldContext context)
    {
        var first = context.GetArgument<int?>("first") ?? DefaultFirst;
        if (first is < 1 or > VideoLimits.MaxPageSize)
            throw DomainException.BadInput("first", $"first must be between 1 and {VideoLimits.MaxPageSize}");
        return first;
    }

    public static string? After(IResolveFieldContext context) => context.GetArgument<string?>("after");
}
