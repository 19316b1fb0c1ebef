using System.Text.Json.Nodes;

namespace Connect.Sdk.Testing.Fakes.Shopify.GraphQL;

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
