using System.Text.Json.Nodes;

namespace Connect.Sdk.Testing.Fakes.Shopify.GraphQL;

/// <summary>Reads a field's value from its parent's source; <see langword="null"/> on the definition reads the source's property of the field's name.</summary>
internal delegate object? GraphQLResolver(GraphQLResolveContext context);

/// <summary>What a resolver gets: the parent's source, the field's arguments (coerced, defaults applied), the field as written, the variables and the field's path in the answer.</summary>
internal sealed record GraphQLResolveContext(
    object? Source,
    IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?> Arguments,
    GraphQLField Field,
    IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?> Variables,
    IReadOnlyList<object> Path);
