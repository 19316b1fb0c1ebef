namespace Connect.Sdk.Testing.Fakes.Shopify.GraphQL;

/// <summary>The kinds of named type the schema subset has (no interfaces or unions).</summary>
internal enum GraphQLTypeKind
{
    Scalar,
    Enum,
    Object,
    InputObject,
}

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
