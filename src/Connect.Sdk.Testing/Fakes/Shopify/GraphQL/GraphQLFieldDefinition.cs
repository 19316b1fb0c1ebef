using System.Text.Json.Nodes;

namespace Connect.Sdk.Testing.Fakes.Shopify.GraphQL;

/// <summary>An argument of a field or a field of an input object: its type and default.</summary>
internal sealed record GraphQLInputField(string Name, GraphQLTypeReference Type, System.Text.Json.Nodes.JsonNode? DefaultValue = null);

/// <summary>A field of an object type: its type, arguments and resolver.</summary>
internal sealed record GraphQLFieldDefinition(string Name, GraphQLTypeReference Type, IReadOnlyDictionary<string, GraphQLInputField> Arguments, GraphQLResolver? Resolver);
