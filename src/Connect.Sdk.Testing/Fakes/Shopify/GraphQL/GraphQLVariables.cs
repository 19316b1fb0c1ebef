using System.Text.Json.Nodes;

namespace Connect.Sdk.Testing.Fakes.Shopify.GraphQL;

/// <summary>
/// The specification's CoerceVariableValues: each declared variable gets the request's value (checked against its
/// type) or its default. A missing required variable or a value of the wrong shape is refused as graphql-ruby refuses
/// it, with Shopify's code: <c>Variable $id of type ID! was provided invalid value</c>, <c>extensions {code:
/// "INVALID_VARIABLE", value, problems[{path, explanation}]}</c>. Variables the operation does not declare are ignored,
/// as the specification has it.
/// </summary>
internal static class GraphQLVariables
{
    public static (Dictionary<string, JsonNode?> Values, List<GraphQLError> Errors) Coerce(GraphQLSchema schema, GraphQLOperation operation, JsonObject provided)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var errors = new List<GraphQLError>();
        foreach (var definition in operation.Variables)
        {
            if (schema.Type(definition.Type.NamedType) is not { IsInput: true })
            {
                // The validator names it; nothing can be coerced to it.
                continue;
            }

            var isPresent = provided.TryGetPropertyValue(definition.Name, out var value);
            if (!isPresent && definition.DefaultValue is not null)
            {
                values[definition.Name] = GraphQLInputCoercion.Complete(schema, definition.Type, GraphQLValues.Resolve(definition.DefaultValue, values));
                continue;
            }

            if (!isPresent && !definition.Type.IsNonNull)
            {
                continue;
            }

            var problems = GraphQLInputCoercion.Problems(schema, definition.Type, value);
            if (problems.Count == 0)
            {
                values[definition.Name] = GraphQLInputCoercion.Complete(schema, definition.Type, value);
                continue;
            }

            var message = $"Variable ${definition.Name} of type {definition.Type} was provided invalid value";
            if (problems is [{ Path.Count: > 0 } only])
            {
                message += $" for {GraphQLInputCoercion.Dotted(only.Path)} ({only.Explanation})";
            }

            errors.Add(GraphQLError.At(message, definition.Location, path: null, "INVALID_VARIABLE", new JsonObject
            {
                ["value"] = value?.DeepClone(),
                ["problems"] = new JsonArray([.. problems.Select(p => (JsonNode)new JsonObject
                {
                    ["path"] = new JsonArray([.. p.Path.Select(x => x is int i ? JsonValue.Create(i) : (JsonNode)JsonValue.Create((string)x))]),
                    ["explanation"] = p.Explanation,
                })]),
            }));
        }

        return (values, errors);
    }
}
