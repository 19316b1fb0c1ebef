namespace Connect.Sdk.Testing.Fakes.Shopify.GraphQL;

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
