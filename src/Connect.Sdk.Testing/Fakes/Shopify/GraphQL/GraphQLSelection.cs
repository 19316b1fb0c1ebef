namespace Connect.Sdk.Testing.Fakes.Shopify.GraphQL;

/// <summary>A part of a selection set: a field, a fragment spread or an inline fragment.</summary>
internal abstract record GraphQLSelection(IReadOnlyList<GraphQLDirective> Directives, GraphQLLocation Location);

/// <summary>A field: <c>alias: name(arguments) @directives { selections }</c>.</summary>
internal sealed record GraphQLField(
    string? Alias,
    string Name,
    IReadOnlyList<GraphQLArgument> Arguments,
    IReadOnlyList<GraphQLDirective> Directives,
    IReadOnlyList<GraphQLSelection> Selections,
    GraphQLLocation Location) : GraphQLSelection(Directives, Location)
{
    /// <summary>The key the field's value goes under in the answer: its alias, else its name.</summary>
    public string ResponseKey => Alias ?? Name;

    public GraphQLArgument? Argument(string name) => Arguments.FirstOrDefault(a => a.Name == name);
}

/// <summary><c>...Name</c>.</summary>
internal sealed record GraphQLFragmentSpread(string Name, IReadOnlyList<GraphQLDirective> Directives, GraphQLLocation Location) : GraphQLSelection(Directives, Location);

/// <summary><c>... on Type { … }</c>, or <c>... { … }</c> without a type condition.</summary>
internal sealed record GraphQLInlineFragment(string? TypeCondition, IReadOnlyList<GraphQLDirective> Directives, IReadOnlyList<GraphQLSelection> Selections, GraphQLLocation Location)
    : GraphQLSelection(Directives, Location);

/// <summary>An argument: <c>name: value</c>.</summary>
internal sealed record GraphQLArgument(string Name, GraphQLValue Value, GraphQLLocation Location);

/// <summary>A directive: <c>@name(arguments)</c>.</summary>
internal sealed record GraphQLDirective(string Name, IReadOnlyList<GraphQLArgument> Arguments, GraphQLLocation Location);
