using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connect.Sdk.Testing.Fakes.Shopify.GraphQL;

/// <summary>
/// The requested cost of an operation as Shopify's API rate-limit documentation prices it before running it: a scalar
/// or enum 0, an object 1, a connection 2 plus <c>first</c> (or <c>last</c>) times the cost of one node (so nested
/// connections multiply), a list of objects with <c>first</c> that many elements (one without), a mutation 10.
/// Fragments count as the fields they add; <c>@skip</c>/<c>@include</c> are applied.
/// </summary>
internal sealed class GraphQLCostCalculator
{
    /// <summary>What Shopify charges a mutation, whatever it selects.</summary>
    public const int MutationCost = 10;

    private readonly GraphQLSchema _schema;
    private readonly GraphQLDocument _document;
    private readonly IReadOnlyDictionary<string, JsonNode?> _variables;

    private GraphQLCostCalculator(GraphQLSchema schema, GraphQLDocument document, IReadOnlyDictionary<string, JsonNode?> variables)
    {
        _schema = schema;
        _document = document;
        _variables = variables;
    }

    /// <summary>The first connection asked for with neither <c>first</c> nor <c>last</c>, by its response keys from the root; or <see langword="null"/>.</summary>
    public List<object>? UnboundedConnection { get; private set; }

    /// <summary>Prices a valid operation.</summary>
    public static (int RequestedCost, List<object>? UnboundedConnection) Price(GraphQLSchema schema, GraphQLDocument document, GraphQLOperation operation, IReadOnlyDictionary<string, JsonNode?> variables)
    {
        var calculator = new GraphQLCostCalculator(schema, document, variables);
        var root = schema.RootOf(operation);
        var fields = GraphQLFieldCollector.Collect(document, root, operation.Selections, variables);
        var cost = operation.Kind == "mutation"
            ? MutationCost * fields.Count(f => f.ResponseKey != "__typename" && f.Fields[0].Name != "__typename")
            : fields.Sum(f => calculator.FieldCost(root, f.Fields, [f.ResponseKey]));
        return (cost, calculator.UnboundedConnection);
    }

    private int SelectionCost(GraphQLNamedType type, IEnumerable<GraphQLSelection> selections, List<object> path) =>
        GraphQLFieldCollector.Collect(_document, type, selections, _variables).Sum(f => FieldCost(type, f.Fields, [.. path, f.ResponseKey]));

    private int FieldCost(GraphQLNamedType parent, List<GraphQLField> fields, List<object> path)
    {
        var field = fields[0];
        if (!parent.Fields.TryGetValue(field.Name, out var definition))
        {
            // __typename and anything the validator refused cost nothing.
            return 0;
        }

        var type = _schema.Type(definition.Type.NamedType)!;
        if (type.IsLeaf)
        {
            return 0;
        }

        var arguments = GraphQLValues.Arguments(_schema, definition.Arguments, field.Arguments, _variables);
        var count = Count(arguments);
        var selections = GraphQLFieldCollector.SubSelections(fields).ToList();
        if (type.IsConnection)
        {
            if (count is null)
            {
                UnboundedConnection ??= path;
            }

            return 2 + ((count ?? 0) * NodeCost(type, selections, path));
        }

        var objectCost = 1 + SelectionCost(type, selections, path);
        return definition.Type.IsList ? (count ?? 1) * objectCost : objectCost;
    }

    // One node of a connection: the dearer of its nodes { … } and edges { node { … } } selections.
    private int NodeCost(GraphQLNamedType connection, List<GraphQLSelection> selections, List<object> path)
    {
        var nodeType = _schema.Type(connection.Fields["nodes"].Type.NamedType)!;
        var edgeType = _schema.Type(connection.Fields["edges"].Type.NamedType)!;
        var cost = 0;
        foreach (var (key, fields) in GraphQLFieldCollector.Collect(_document, connection, selections, _variables))
        {
            var sub = GraphQLFieldCollector.SubSelections(fields).ToList();
            if (fields[0].Name == "nodes")
            {
                cost = Math.Max(cost, 1 + SelectionCost(nodeType, sub, [.. path, key]));
            }
            else if (fields[0].Name == "edges")
            {
                foreach (var (nodeKey, nodes) in GraphQLFieldCollector.Collect(_document, edgeType, sub, _variables).Where(f => f.Fields[0].Name == "node"))
                {
                    cost = Math.Max(cost, 1 + SelectionCost(nodeType, GraphQLFieldCollector.SubSelections(nodes), [.. path, key, nodeKey]));
                }
            }
        }

        return cost;
    }

    private static int? Count(Dictionary<string, JsonNode?> arguments)
    {
        foreach (var name in (string[])["first", "last"])
        {
            if (arguments.GetValueOrDefault(name) is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
            {
                return Math.Max(0, v.GetValue<int>());
            }
        }

        return null;
    }
}
