using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connect.Sdk.Testing.Fakes.Shopify.GraphQL;

/// <summary>
/// The specification's CollectFields: the fields a selection set asks of an object type, by response key in document
/// order, with fragment spreads and inline fragments whose type condition the type meets taken in, and
/// <c>@skip</c>/<c>@include</c> applied. Fields with the same response key are merged (their selections join).
/// </summary>
internal static class GraphQLFieldCollector
{
    public static List<(string ResponseKey, List<GraphQLField> Fields)> Collect(
        GraphQLDocument document,
        GraphQLNamedType type,
        IEnumerable<GraphQLSelection> selections,
        IReadOnlyDictionary<string, JsonNode?> variables)
    {
        var collected = new List<(string, List<GraphQLField>)>();
        var index = new Dictionary<string, List<GraphQLField>>(StringComparer.Ordinal);
        CollectInto(document, type, selections, variables, collected, index, new HashSet<string>(StringComparer.Ordinal));
        return collected;
    }

    /// <summary>The selections of merged fields, one after another.</summary>
    public static IEnumerable<GraphQLSelection> SubSelections(IEnumerable<GraphQLField> fields) => fields.SelectMany(f => f.Selections);

    /// <summary>Whether <c>@skip</c> and <c>@include</c> let the selection in.</summary>
    public static bool IsIncluded(IReadOnlyList<GraphQLDirective> directives, IReadOnlyDictionary<string, JsonNode?> variables)
    {
        foreach (var directive in directives)
        {
            var condition = directive.Arguments.FirstOrDefault(a => a.Name == "if") is { } argument
                && GraphQLValues.Resolve(argument.Value, variables) is JsonValue v
                && v.GetValueKind() == JsonValueKind.True;
            if ((directive.Name == "skip" && condition) || (directive.Name == "include" && !condition))
            {
                return false;
            }
        }

        return true;
    }

    private static void CollectInto(
        GraphQLDocument document,
        GraphQLNamedType type,
        IEnumerable<GraphQLSelection> selections,
        IReadOnlyDictionary<string, JsonNode?> variables,
        List<(string, List<GraphQLField>)> collected,
        Dictionary<string, List<GraphQLField>> index,
        HashSet<string> visitedFragments)
    {
        foreach (var selection in selections)
        {
            if (!IsIncluded(selection.Directives, variables))
            {
                continue;
            }

            switch (selection)
            {
                case GraphQLField field:
                    if (!index.TryGetValue(field.ResponseKey, out var same))
                    {
                        same = [];
                        index[field.ResponseKey] = same;
                        collected.Add((field.ResponseKey, same));
                    }

                    same.Add(field);
                    break;
                case GraphQLFragmentSpread spread when visitedFragments.Add(spread.Name)
                    && document.Fragments.TryGetValue(spread.Name, out var fragment)
                    && fragment.TypeCondition == type.Name:
                    CollectInto(document, type, fragment.Selections, variables, collected, index, visitedFragments);
                    break;
                case GraphQLInlineFragment inline when inline.TypeCondition is null || inline.TypeCondition == type.Name:
                    CollectInto(document, type, inline.Selections, variables, collected, index, visitedFragments);
                    break;
            }
        }
    }
}
