using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connect.Sdk.Testing.Fakes.Shopify.GraphQL;

/// <summary>
/// The specification's OverlappingFieldsCanBeMerged, as graphql-ruby's <c>FieldsWillMerge</c> rule (Shopify's engine)
/// reports it: two fields answering under one response key must ask for the same field with the same arguments, and
/// their sub-selections must merge in turn. One <c>fieldConflict</c> error per response key and kind, naming every
/// conflicting field (<c>Field 'x' has a field conflict: shop or locations?</c>) or argument set
/// (<c>Field 'v' has an argument conflict: {first:"1"} or {first:"2"}?</c>), with each field's location and an empty path.
/// </summary>
/// <remarks>
/// The schema subset has no interfaces or unions and fragments must be spread on their own type, so no two fields of
/// one selection can be mutually exclusive: every pair under one key is compared.
/// </remarks>
internal sealed class GraphQLFieldMergeCheck
{
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly GraphQLSchema _schema;
    private readonly GraphQLDocument _document;
    private readonly Dictionary<(string Kind, string Key), (List<GraphQLField> Fields, List<string> Conflicts)> _conflicts = [];
    private readonly List<(string Kind, string Key)> _order = [];

    private GraphQLFieldMergeCheck(GraphQLSchema schema, GraphQLDocument document)
    {
        _schema = schema;
        _document = document;
    }

    /// <summary>The conflicts in the operation's selections, in the order they were found; empty when every key merges.</summary>
    public static IEnumerable<GraphQLError> Find(GraphQLSchema schema, GraphQLDocument document, GraphQLOperation operation)
    {
        var check = new GraphQLFieldMergeCheck(schema, document);
        check.SelectionSet(schema.RootOf(operation), operation.Selections);
        return check._order.Select(check.ToError);
    }

    private void SelectionSet(GraphQLNamedType type, IEnumerable<GraphQLSelection> selections)
    {
        var byKey = new Dictionary<string, List<GraphQLField>>(StringComparer.Ordinal);
        Gather(selections, byKey, new HashSet<string>(StringComparer.Ordinal));
        foreach (var (key, fields) in byKey)
        {
            for (var i = 0; i < fields.Count; i++)
            {
                for (var j = i + 1; j < fields.Count; j++)
                {
                    Compare(key, fields[i], fields[j]);
                }
            }

            // The merged sub-selection is what runs under the key, so its own keys must merge too.
            if (fields[0].Name != "__typename"
                && type.Fields.TryGetValue(fields[0].Name, out var definition)
                && _schema.Type(definition.Type.NamedType) is { Kind: GraphQLTypeKind.Object } inner)
            {
                SelectionSet(inner, fields.Where(f => f.Name == fields[0].Name).SelectMany(f => f.Selections));
            }
        }
    }

    private void Gather(IEnumerable<GraphQLSelection> selections, Dictionary<string, List<GraphQLField>> byKey, HashSet<string> spread)
    {
        foreach (var selection in selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    if (!byKey.TryGetValue(field.ResponseKey, out var same))
                    {
                        same = [];
                        byKey[field.ResponseKey] = same;
                    }

                    same.Add(field);
                    break;
                case GraphQLInlineFragment inline:
                    Gather(inline.Selections, byKey, spread);
                    break;
                case GraphQLFragmentSpread named when spread.Add(named.Name) && _document.Fragments.TryGetValue(named.Name, out var fragment):
                    Gather(fragment.Selections, byKey, spread);
                    break;
            }
        }
    }

    private void Compare(string key, GraphQLField first, GraphQLField second)
    {
        if (first.Name != second.Name)
        {
            Add("field", key, first, first.Name);
            Add("field", key, second, second.Name);
        }

        if (!SameArguments(first, second))
        {
            Add("argument", key, first, Arguments(first));
            Add("argument", key, second, Arguments(second));
        }
    }

    private void Add(string kind, string key, GraphQLField field, string conflict)
    {
        if (!_conflicts.TryGetValue((kind, key), out var entry))
        {
            entry = ([], []);
            _conflicts[(kind, key)] = entry;
            _order.Add((kind, key));
        }

        if (entry.Fields.Any(f => f.Location == field.Location))
        {
            return;
        }

        entry.Fields.Add(field);
        entry.Conflicts.Add(conflict);
    }

    private GraphQLError ToError((string Kind, string Key) at)
    {
        var (fields, conflicts) = _conflicts[at];
        var joined = string.Join(" or ", conflicts);
        var article = at.Kind == "argument" ? "an" : "a";
        return new GraphQLError(
            $"Field '{at.Key}' has {article} {at.Kind} conflict: {joined}?",
            [.. fields.Select(f => f.Location)],
            [],
            new JsonObject { ["code"] = "fieldConflict", ["fieldName"] = at.Key, ["conflicts"] = joined });
    }

    // Arguments given in another order are the same arguments.
    private static bool SameArguments(GraphQLField first, GraphQLField second) =>
        first.Arguments.Count == second.Arguments.Count
        && first.Arguments.All(a => second.Argument(a.Name) is { } other && ValueText(other.Value) == ValueText(a.Value));

    // graphql-ruby writes arguments as a hash of name to the value's text, {name:"text",…}, in the order given.
    private static string Arguments(GraphQLField field) =>
        "{" + string.Join(",", field.Arguments.Select(a => $"{a.Name}:{JsonSerializer.Serialize(ValueText(a.Value), Unescaped)}")) + "}";

    private static string ValueText(GraphQLValue value) => value switch
    {
        GraphQLVariableValue v => "$" + v.Name,
        GraphQLLiteral { IsEnum: true } l => l.Text,
        GraphQLLiteral l => l.Value?.ToJsonString(Unescaped) ?? "null",
        GraphQLListValue list => "[" + string.Join(", ", list.Items.Select(ValueText)) + "]",
        GraphQLObjectValue obj => "{" + string.Join(", ", obj.Fields.Select(f => $"{f.Name}: {ValueText(f.Value)}")) + "}",
        _ => string.Empty,
    };
}
