using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connect.Sdk.Testing.Fakes.Shopify.GraphQL;

/// <summary>
/// Checks an input value (a variable's JSON or a literal argument) against its type by the specification's input
/// coercion rules: non-null, lists (a single value stands for a list of one), input objects (required fields, no
/// unknown fields), enum values and the built-in scalars. Each problem is reported as graphql-ruby reports it: the
/// path inside the value and an explanation.
/// </summary>
internal static class GraphQLInputCoercion
{
    /// <summary>The problems of a value for a type; empty when it fits.</summary>
    public static List<(List<object> Path, string Explanation)> Problems(GraphQLSchema schema, GraphQLTypeReference type, JsonNode? value)
    {
        var problems = new List<(List<object>, string)>();
        Check(schema, type, value, [], problems);
        return problems;
    }

    /// <summary>The value with input objects' defaults filled in and a single value for a list wrapped in one.</summary>
    public static JsonNode? Complete(GraphQLSchema schema, GraphQLTypeReference type, JsonNode? value)
    {
        if (value is null)
        {
            return null;
        }

        if (type.IsList)
        {
            var items = value is JsonArray array ? array.Select(i => Complete(schema, type.OfType!, i)) : [Complete(schema, type.OfType!, value)];
            return new JsonArray([.. items]);
        }

        if (schema.Type(type.NamedType) is { Kind: GraphQLTypeKind.InputObject } input && value is JsonObject given)
        {
            var completed = new JsonObject();
            foreach (var (name, field) in input.InputFields)
            {
                if (given.TryGetPropertyValue(name, out var fieldValue))
                {
                    completed[name] = Complete(schema, field.Type, fieldValue);
                }
                else if (field.DefaultValue is not null)
                {
                    completed[name] = field.DefaultValue.DeepClone();
                }
            }

            return completed;
        }

        return value.DeepClone();
    }

    private static void Check(GraphQLSchema schema, GraphQLTypeReference type, JsonNode? value, List<object> path, List<(List<object>, string)> problems)
    {
        if (value is null)
        {
            if (type.IsNonNull)
            {
                problems.Add((path, "Expected value to not be null"));
            }

            return;
        }

        if (type.IsList)
        {
            if (value is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    Check(schema, type.OfType!, array[i], [.. path, i], problems);
                }
            }
            else
            {
                Check(schema, type.OfType!, value, path, problems);
            }

            return;
        }

        var named = schema.Type(type.NamedType)!;
        switch (named.Kind)
        {
            case GraphQLTypeKind.InputObject when value is JsonObject given:
                foreach (var (name, _) in given)
                {
                    if (!named.InputFields.ContainsKey(name))
                    {
                        problems.Add(([.. path, name], $"Field is not defined on {named.Name}"));
                    }
                }

                foreach (var (name, field) in named.InputFields)
                {
                    var present = given.TryGetPropertyValue(name, out var fieldValue);
                    if (!present && field.Type.IsNonNull && field.DefaultValue is null)
                    {
                        problems.Add(([.. path, name], "Expected value to not be null"));
                    }
                    else if (present)
                    {
                        Check(schema, field.Type, fieldValue, [.. path, name], problems);
                    }
                }

                break;
            case GraphQLTypeKind.InputObject:
                problems.Add((path, $"Expected {Describe(value)} to be a key-value object."));
                break;
            case GraphQLTypeKind.Enum when value is JsonValue v && v.TryGetValue<string>(out var text) && named.EnumValues.Contains(text):
                break;
            case GraphQLTypeKind.Enum:
                problems.Add((path, $"Expected {Describe(value)} to be one of: {string.Join(", ", named.EnumValues)}"));
                break;
            default:
                if (!FitsScalar(named.Name, value))
                {
                    problems.Add((path, $"Could not coerce value {Describe(value)} to {named.Name}"));
                }

                break;
        }
    }

    private static bool FitsScalar(string scalar, JsonNode value)
    {
        if (value is not JsonValue v)
        {
            return false;
        }

        var kind = v.GetValueKind();
        return scalar switch
        {
            "Int" => kind == JsonValueKind.Number && v.TryGetValue<int>(out _),
            "Float" => kind == JsonValueKind.Number,
            "Boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "ID" => kind == JsonValueKind.String || (kind == JsonValueKind.Number && v.TryGetValue<long>(out _)),

            // String and Shopify's string-based scalars (DateTime, URL, Decimal, …).
            _ => kind == JsonValueKind.String,
        };
    }

    /// <summary>A value as graphql-ruby's messages quote it: a string in quotes, anything else as JSON.</summary>
    public static string Describe(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => "\"" + v.GetValue<string>() + "\"",
        _ => value.ToJsonString(),
    };

    /// <summary>A problem's path as graphql-ruby writes it into a message: <c>quantities.0.changeFromQuantity</c>.</summary>
    public static string Dotted(IEnumerable<object> path) => string.Join('.', path.Select(p => Convert.ToString(p, CultureInfo.InvariantCulture)));
}
