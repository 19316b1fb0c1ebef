namespace Connect.Sdk.Testing.Fakes.Shopify.GraphQL;

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
