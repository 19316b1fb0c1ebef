namespace Connect.Sdk.Testing.Fakes.Shopify.GraphQL;

/// <summary>The kinds of named type the schema subset has (no interfaces or unions).</summary>
internal enum GraphQLTypeKind
{
    Scalar,
    Enum,
    Object,
    InputObject,
}

/// <summary>Reads a field's value from its parent's source; <see langword="null"/> on the definition reads the source's property of the field's name.</summary>
internal delegate object? GraphQLResolver(GraphQLResolveContext context);

/// <summary>What a resolver gets: the parent's source, the field's arguments (coerced, defaults applied), the field as written, the variables and the field's path in the answer.</summary>
internal sealed record GraphQLResolveContext(
    object? Source,
    IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?> Arguments,
    GraphQLField Field,
    IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?> Variables,
    IReadOnlyList<object> Path);

/// <summary>An argument of a field or a field of an input object: its type and default.</summary>
internal sealed record GraphQLInputField(string Name, GraphQLTypeReference Type, System.Text.Json.Nodes.JsonNode? DefaultValue = null);

/// <summary>A field of an object type: its type, arguments and resolver.</summary>
internal sealed record GraphQLFieldDefinition(string Name, GraphQLTypeReference Type, IReadOnlyDictionary<string, GraphQLInputField> Arguments, GraphQLResolver? Resolver);

/// <summary>A named type of the schema.</summary>
internal sealed class GraphQLNamedType(string name, GraphQLTypeKind kind)
{
    public string Name { get; } = name;

    public GraphQLTypeKind Kind { get; } = kind;

    /// <summary>An object type's fields, in the order the schema declares them.</summary>
    public Dictionary<string, GraphQLFieldDefinition> Fields { get; } = new(StringComparer.Ordinal);

    /// <summary>An input object's fields.</summary>
    public Dictionary<string, GraphQLInputField> InputFields { get; } = new(StringComparer.Ordinal);

    /// <summary>An enum's values.</summary>
    public HashSet<string> EnumValues { get; } = new(StringComparer.Ordinal);

    /// <summary>A Relay connection (<c>…Connection</c>): priced 2 plus its page of nodes, paged by <c>first</c>/<c>after</c>/<c>last</c>/<c>before</c>.</summary>
    public bool IsConnection => Kind == GraphQLTypeKind.Object && Name.EndsWith("Connection", StringComparison.Ordinal);

    /// <summary>A connection's edge or its <c>PageInfo</c>: part of the connection's own price.</summary>
    public bool IsConnectionPart => Kind == GraphQLTypeKind.Object && (Name.EndsWith("Edge", StringComparison.Ordinal) || Name == "PageInfo");

    public bool IsLeaf => Kind is GraphQLTypeKind.Scalar or GraphQLTypeKind.Enum;

    public bool IsInput => Kind is GraphQLTypeKind.Scalar or GraphQLTypeKind.Enum or GraphQLTypeKind.InputObject;
}

/// <summary>A schema: its named types, root types and the directives it accepts with their arguments.</summary>
internal sealed class GraphQLSchema
{
    public GraphQLSchema(IReadOnlyDictionary<string, GraphQLNamedType> types, string queryType, string mutationType, IReadOnlyDictionary<string, IReadOnlyDictionary<string, GraphQLInputField>> directives)
    {
        Types = types;
        Query = types[queryType];
        Mutation = types[mutationType];
        Directives = directives;
    }

    public IReadOnlyDictionary<string, GraphQLNamedType> Types { get; }

    public GraphQLNamedType Query { get; }

    public GraphQLNamedType Mutation { get; }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, GraphQLInputField>> Directives { get; }

    public GraphQLNamedType? Type(string name) => Types.GetValueOrDefault(name);

    public GraphQLNamedType RootOf(GraphQLOperation operation) => operation.Kind == "mutation" ? Mutation : Query;
}
