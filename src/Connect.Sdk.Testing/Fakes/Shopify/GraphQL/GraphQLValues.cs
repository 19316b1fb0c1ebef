using System.Text.Json.Nodes;

namespace Connect.Sdk.Testing.Fakes.Shopify.GraphQL;

/// <summary>Turns the values a document writes into JSON, with its variables' values put in.</summary>
internal static class GraphQLValues
{
    /// <summary>The value; a variable that has no value is <see langword="null"/>.</summary>
    public static JsonNode? Resolve(GraphQLValue value, IReadOnlyDictionary<string, JsonNode?> variables) => value switch
    {
        GraphQLVariableValue variable => variables.GetValueOrDefault(variable.Name)?.DeepClone(),
        GraphQLLiteral literal => literal.Value?.DeepClone(),
        GraphQLListValue list => new JsonArray([.. list.Items.Select(i => Resolve(i, variables))]),
        GraphQLObjectValue obj => new JsonObject(obj.Fields.Select(f => KeyValuePair.Create(f.Name, Resolve(f.Value, variables)))),
        _ => null,
    };

    /// <summary>
    /// A field's or directive's arguments: each one given (a variable without a value counts as not given) or its
    /// default, with input objects' defaults filled in.
    /// </summary>
    public static Dictionary<string, JsonNode?> Arguments(
        GraphQLSchema schema,
        IReadOnlyDictionary<string, GraphQLInputField> definitions,
        IReadOnlyList<GraphQLArgument> given,
        IReadOnlyDictionary<string, JsonNode?> variables)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, definition) in definitions)
        {
            var argument = given.FirstOrDefault(a => a.Name == name);
            if (argument is not null && (argument.Value is not GraphQLVariableValue v || variables.ContainsKey(v.Name)))
            {
                values[name] = GraphQLInputCoercion.Complete(schema, definition.Type, Resolve(argument.Value, variables));
            }
            else if (definition.DefaultValue is not null)
            {
                values[name] = definition.DefaultValue.DeepClone();
            }
        }

        return values;
    }
}
