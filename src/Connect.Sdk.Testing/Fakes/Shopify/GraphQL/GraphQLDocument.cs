using System.Text.Json.Nodes;

namespace Connect.Sdk.Testing.Fakes.Shopify.GraphQL;

/// <summary>A parsed GraphQL document: its operations and fragments.</summary>
internal sealed record GraphQLDocument(IReadOnlyList<GraphQLOperation> Operations, IReadOnlyDictionary<string, GraphQLFragment> Fragments);

/// <summary>Where a node starts in the document, 1-based, as error <c>locations</c> give it.</summary>
internal readonly record struct GraphQLLocation(int Line, int Column)
{
    public JsonObject ToJson() => new() { ["line"] = Line, ["column"] = Column };
}

/// <summary>A <c>query</c> or <c>mutation</c> with its variable definitions, directives and selection.</summary>
internal sealed record GraphQLOperation(
    string Kind,
    string? Name,
    IReadOnlyList<GraphQLVariableDefinition> Variables,
    IReadOnlyList<GraphQLDirective> Directives,
    IReadOnlyList<GraphQLSelection> Selections,
    GraphQLLocation Location)
{
    /// <summary>How Shopify's error paths name the operation: <c>query</c>, or <c>query Orders</c>.</summary>
    public string PathName => Name is null ? Kind : $"{Kind} {Name}";
}

/// <summary>A named fragment: <c>fragment Name on Type { … }</c>.</summary>
internal sealed record GraphQLFragment(string Name, string TypeCondition, IReadOnlyList<GraphQLDirective> Directives, IReadOnlyList<GraphQLSelection> Selections, GraphQLLocation Location);

/// <summary>A variable definition: <c>$name: Type = default</c>.</summary>
internal sealed record GraphQLVariableDefinition(string Name, GraphQLTypeReference Type, GraphQLValue? DefaultValue, GraphQLLocation Location);
