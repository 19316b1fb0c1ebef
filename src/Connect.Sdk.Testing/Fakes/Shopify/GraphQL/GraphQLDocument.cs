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

/// <summary>A type as a variable definition writes it: a named type, a list of one, either non-null.</summary>
internal sealed record GraphQLTypeReference(string? Name, GraphQLTypeReference? OfType, bool IsNonNull)
{
    public static GraphQLTypeReference Named(string name, bool isNonNull = false) => new(name, null, isNonNull);

    public static GraphQLTypeReference ListOf(GraphQLTypeReference element, bool isNonNull = false) => new(null, element, isNonNull);

    public bool IsList => OfType is not null;

    /// <summary>The named type at the bottom of the lists.</summary>
    public string NamedType => Name ?? OfType!.NamedType;

    public GraphQLTypeReference Nullable => this with { IsNonNull = false };

    public override string ToString() => (IsList ? $"[{OfType}]" : Name!) + (IsNonNull ? "!" : string.Empty);
}

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

/// <summary>A value in a document.</summary>
internal abstract record GraphQLValue(GraphQLLocation Location);

/// <summary><c>$name</c>.</summary>
internal sealed record GraphQLVariableValue(string Name, GraphQLLocation Location) : GraphQLValue(Location);

/// <summary>A string, number, boolean or null literal, as JSON; <see cref="IsEnum"/> for an enum value (a bare name).</summary>
internal sealed record GraphQLLiteral(JsonNode? Value, bool IsEnum, string Text, GraphQLLocation Location) : GraphQLValue(Location);

/// <summary><c>[a, b]</c>.</summary>
internal sealed record GraphQLListValue(IReadOnlyList<GraphQLValue> Items, GraphQLLocation Location) : GraphQLValue(Location);

/// <summary><c>{name: value}</c>.</summary>
internal sealed record GraphQLObjectValue(IReadOnlyList<GraphQLArgument> Fields, GraphQLLocation Location) : GraphQLValue(Location);
