using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Connect.Sdk.Testing.Fakes.Shopify;

/// <summary>
/// A connection's <c>query</c> argument in Shopify's search syntax, read as its terms: <c>field:value</c> with an
/// optional comparator (<c>updated_at:&gt;=2026-01-01</c>), values quoted or bare. A term the fake does not filter by
/// is ignored and reported as Shopify reports a search field it does not know: a warning in <c>extensions.search</c>.
/// </summary>
internal sealed partial class ShopifySearchQuery
{
    private readonly List<(string Field, string Comparator, string Value, string Text)> _terms = [];

    private ShopifySearchQuery(string query)
    {
        Text = query;
        foreach (Match term in Term().Matches(query))
        {
            _terms.Add((term.Groups["field"].Value, term.Groups["op"].Value, term.Groups["value"].Value.Trim('\'', '"'), term.Value));
        }
    }

    public string Text { get; }

    /// <summary>The query, or <see langword="null"/> when the argument is absent.</summary>
    public static ShopifySearchQuery? Of(JsonNode? argument) =>
        argument is JsonValue v && v.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? new ShopifySearchQuery(text) : null;

    /// <summary>The terms on one field, with their comparators (empty for equality).</summary>
    public IEnumerable<(string Comparator, string Value)> On(string field) => _terms.Where(t => t.Field == field).Select(t => (t.Comparator, t.Value));

    /// <summary>Shopify's <c>extensions.search</c> entry for the terms on fields outside <paramref name="understood"/>, or <see langword="null"/>.</summary>
    public JsonObject? Warnings(IReadOnlyList<object> path, params string[] understood)
    {
        var unknown = _terms.Where(t => !understood.Contains(t.Field)).ToList();
        if (unknown.Count == 0)
        {
            return null;
        }

        return new JsonObject
        {
            ["path"] = new JsonArray([.. path.Select(p => p is int i ? JsonValue.Create(i) : (JsonNode)JsonValue.Create((string)p))]),
            ["query"] = Text,
            ["warnings"] = new JsonArray([.. unknown.Select(t => (JsonNode)new JsonObject
            {
                ["field"] = t.Field.Length > 0 ? t.Field : null,
                ["message"] = t.Field.Length > 0 ? "Invalid search field for this query." : "The fake does not search free text.",
                ["code"] = t.Field.Length > 0 ? "invalid_field" : null,
            })]),
        };
    }

    // A term: an optional field with its comparator, then a quoted or bare value; a bare word is free text.
    [GeneratedRegex(@"(?:(?<field>[A-Za-z_][\w.]*):(?<op>>=|<=|>|<)?)?(?<value>'[^']*'|""[^""]*""|[^\s()]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Term();
}
