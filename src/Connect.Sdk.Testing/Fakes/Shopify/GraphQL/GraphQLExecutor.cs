using System.Text.Json.Nodes;

namespace Connect.Sdk.Testing.Fakes.Shopify.GraphQL;

/// <summary>
/// Executes a validated operation by the specification's ExecuteSelectionSet over sources the resolvers return: JSON
/// objects (a field without a resolver reads the property of its name), <see cref="GraphQLPage"/>s for connections
/// (a connection source that is a whole list, or an object with <c>nodes</c>, is paged by the field's arguments), and
/// functions that render a source only when it is reached. Only the selected fields are answered, under their aliases,
/// with <c>__typename</c>; leaf values are passed on as the source holds them. It counts the actual cost as Shopify
/// does: an object returned 1, a connection 2 plus its nodes, a mutation 10.
/// </summary>
internal sealed class GraphQLExecutor
{
    private readonly GraphQLSchema _schema;
    private readonly GraphQLDocument _document;
    private readonly IReadOnlyDictionary<string, JsonNode?> _variables;
    private readonly List<GraphQLError> _errors = [];
    private int _actualCost;

    private GraphQLExecutor(GraphQLSchema schema, GraphQLDocument document, IReadOnlyDictionary<string, JsonNode?> variables)
    {
        _schema = schema;
        _document = document;
        _variables = variables;
    }

    /// <summary>Runs the operation from the root source.</summary>
    public static (JsonObject Data, List<GraphQLError> Errors, int ActualCost) Execute(
        GraphQLSchema schema,
        GraphQLDocument document,
        GraphQLOperation operation,
        IReadOnlyDictionary<string, JsonNode?> variables,
        object? root)
    {
        var executor = new GraphQLExecutor(schema, document, variables);
        var isMutation = operation.Kind == "mutation";
        var data = executor.SelectionSet(schema.RootOf(operation), root, operation.Selections, [], countCost: !isMutation, rootOfMutation: isMutation);
        return (data, executor._errors, executor._actualCost);
    }

    private JsonObject SelectionSet(GraphQLNamedType type, object? source, IEnumerable<GraphQLSelection> selections, List<object> path, bool countCost, bool rootOfMutation = false)
    {
        var result = new JsonObject();
        foreach (var (key, fields) in GraphQLFieldCollector.Collect(_document, type, selections, _variables))
        {
            var field = fields[0];
            if (field.Name == "__typename")
            {
                result[key] = type.Name;
                continue;
            }

            var definition = type.Fields[field.Name];
            var fieldPath = new List<object>(path) { key };
            var arguments = GraphQLValues.Arguments(_schema, definition.Arguments, field.Arguments, _variables);
            object? value;
            try
            {
                value = definition.Resolver is { } resolver ? resolver(new GraphQLResolveContext(source, arguments, field, _variables, fieldPath)) : Property(source, field.Name);
            }
            catch (GraphQLFieldException refused)
            {
                _errors.Add(new GraphQLError(refused.Message, [field.Location], fieldPath, refused.Code is null ? null : new JsonObject { ["code"] = refused.Code }));
                result[key] = null;
                continue;
            }

            if (rootOfMutation)
            {
                _actualCost += GraphQLCostCalculator.MutationCost;
            }

            result[key] = Complete(definition.Type, fields, arguments, value, fieldPath, countCost);
        }

        return result;
    }

    private JsonNode? Complete(GraphQLTypeReference type, List<GraphQLField> fields, IReadOnlyDictionary<string, JsonNode?> arguments, object? value, List<object> path, bool countCost)
    {
        value = Unwrap(value);
        if (value is null || (value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Null))
        {
            return null;
        }

        var named = _schema.Type(type.NamedType)!;
        if ((type.IsList && value is JsonValue or JsonObject) || (!type.IsList && !named.IsLeaf && value is JsonValue or JsonArray))
        {
            // A source that is not of its field's shape (a test's deliberately flawed order) reaches the client as held.
            return ((JsonNode)value).DeepClone();
        }

        if (type.IsList)
        {
            var items = value is JsonArray array ? array.Cast<object?>() : value as IEnumerable<object?> ?? [value];
            return new JsonArray([.. items.Select((item, i) => Complete(type.OfType!, fields, arguments, item, [.. path, i], countCost))]);
        }

        if (named.IsLeaf)
        {
            // Passed on as held, so a test's deliberately flawed field reaches the client as it seeded it.
            return value is JsonNode node ? node.DeepClone() : JsonValue.Create(value.ToString());
        }

        if (named.IsConnection && value is not GraphQLPage)
        {
            var nodes = value switch
            {
                JsonArray list => list,
                JsonObject { } holder when holder["nodes"] is JsonArray list => list,
                _ => [],
            };
            value = GraphQLPage.Of(named.Name, nodes.Cast<object?>(), arguments);
        }

        if (countCost)
        {
            _actualCost += named.IsConnection ? 2 : named.IsConnectionPart ? 0 : 1;
        }

        return SelectionSet(named, value, GraphQLFieldCollector.SubSelections(fields), path, countCost);
    }

    private static object? Unwrap(object? value) => value is Func<object?> render ? render() : value;

    private static object? Property(object? source, string name) => Unwrap(source) switch
    {
        JsonObject json => json[name],
        GraphQLPage page => name switch
        {
            "nodes" => page.Items.Select(i => i.Node).ToList(),
            "edges" => page.Items.Select(i => (object?)new PageEdge(i.Cursor, i.Node)).ToList(),
            "pageInfo" => page.PageInfo(),
            _ => null,
        },
        PageEdge edge => name switch
        {
            "cursor" => JsonValue.Create(edge.Cursor),
            "node" => edge.Node,
            _ => null,
        },
        _ => null,
    };

    // An edge of a page: its cursor and its node's source.
    private sealed record PageEdge(string Cursor, object? Node);
}
