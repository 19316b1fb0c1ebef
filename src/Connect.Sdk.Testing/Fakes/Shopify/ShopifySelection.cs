using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connect.Sdk.Testing.Fakes.Shopify;

/// <summary>
/// One field of a GraphQL selection as the Shopify fake prices it: its name, its arguments' text and its own
/// selection. Inline fragments are read as part of the enclosing selection; named fragment spreads are not read.
/// </summary>
internal sealed class ShopifySelection
{
    private ShopifySelection(string name, string arguments, List<ShopifySelection> children)
    {
        Name = name;
        Arguments = arguments;
        Children = children;
    }

    public string Name { get; }

    public string Arguments { get; }

    public List<ShopifySelection> Children { get; }

    /// <summary>The field of that name in this field's selection, or <see langword="null"/>.</summary>
    public ShopifySelection? Child(string name) => Children.Find(c => c.Name == name);

    /// <summary>The first field of that name anywhere in this field's selection, depth first, or <see langword="null"/>.</summary>
    public ShopifySelection? Find(string name)
    {
        foreach (var child in Children)
        {
            if ((child.Name == name ? child : child.Find(name)) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The selection of one node of this connection: under <c>nodes</c>, else under <c>edges { node }</c>.</summary>
    public ShopifySelection? Node() => Child("nodes") ?? Child("edges")?.Child("node");

    /// <summary>An argument of this field, a literal or a <c>$variable</c>.</summary>
    public JsonNode? Argument(string name, JsonObject variables) => ShopifyGraphQLRequest.ArgumentIn(Arguments, name, variables);

    /// <summary>Reads the selection set that opens at <paramref name="at"/> (a <c>{</c>) and leaves it after the closing brace.</summary>
    public static List<ShopifySelection> ReadSet(string query, ref int at)
    {
        var fields = new List<ShopifySelection>();
        at++;
        while (true)
        {
            at = Skip(query, at);
            if (at >= query.Length)
            {
                return fields;
            }

            var c = query[at];
            if (c == '}')
            {
                at++;
                return fields;
            }

            if (c == '.')
            {
                // "... on Type { }" adds its fields here; "...Name" (a named fragment) is not read.
                at = Skip(query, at + 3);
                if (ReadName(query, ref at) == "on")
                {
                    at = Skip(query, at);
                    ReadName(query, ref at);
                }

                at = SkipDirectives(query, Skip(query, at));
                if (at < query.Length && query[at] == '{')
                {
                    fields.AddRange(ReadSet(query, ref at));
                }

                continue;
            }

            var name = ReadName(query, ref at);
            if (name.Length == 0)
            {
                // Not a selection the fake understands: stop rather than loop.
                at = query.Length;
                return fields;
            }

            at = Skip(query, at);
            if (at < query.Length && query[at] == ':')
            {
                at = Skip(query, at + 1);
                name = ReadName(query, ref at);
                at = Skip(query, at);
            }

            var arguments = string.Empty;
            if (at < query.Length && query[at] == '(')
            {
                var close = ShopifyGraphQLRequest.MatchingParenthesis(query, at);
                arguments = query[(at + 1)..Math.Min(close, query.Length)];
                at = Skip(query, close + 1);
            }

            at = SkipDirectives(query, at);
            var children = new List<ShopifySelection>();
            if (at < query.Length && query[at] == '{')
            {
                children = ReadSet(query, ref at);
            }

            fields.Add(new ShopifySelection(name, arguments, children));
        }
    }

    /// <summary>Whether this field is a connection: it selects <c>nodes</c> or <c>edges</c>.</summary>
    public bool IsConnection => Children.Exists(c => c.Name is "nodes" or "edges");

    /// <summary>
    /// The requested cost: a scalar or enum (no selection) 0; a connection 2 plus <c>first</c> or <c>last</c> times
    /// one node's cost (a connection with neither asks for no node, so 2: Shopify refuses it anyway); a list with
    /// <c>first</c> that many times one element's cost; an object 1 plus its fields.
    /// </summary>
    public int Cost(JsonObject variables)
    {
        if (Children.Count == 0)
        {
            return 0;
        }

        var count = Count(variables);
        if (IsConnection)
        {
            var node = Math.Max(Child("nodes")?.ObjectCost(variables) ?? 0, Child("edges")?.Child("node")?.ObjectCost(variables) ?? 0);

            // pageInfo belongs to the connection's own 2 points; other fields of the connection are priced as usual.
            var rest = Children.Where(c => c.Name is not ("nodes" or "edges" or "pageInfo")).Sum(c => c.Cost(variables));
            return 2 + ((count ?? 0) * node) + rest;
        }

        return (count ?? 1) * ObjectCost(variables);
    }

    /// <summary>
    /// The path (field names from this field down) of the first connection in this field or its selection that has
    /// neither <c>first</c> nor <c>last</c>, or <see langword="null"/> when every connection is bounded.
    /// </summary>
    public IReadOnlyList<string>? UnboundedConnection(JsonObject variables)
    {
        if (IsConnection && Count(variables) is null)
        {
            return [Name];
        }

        foreach (var child in Children)
        {
            if (child.UnboundedConnection(variables) is { } below)
            {
                return [Name, .. below];
            }
        }

        return null;
    }

    private int ObjectCost(JsonObject variables) => 1 + Children.Sum(c => c.Cost(variables));

    private int? Count(JsonObject variables)
    {
        foreach (var name in (string[])["first", "last"])
        {
            if (ShopifyGraphQLRequest.ArgumentIn(Arguments, name, variables) is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
            {
                return Math.Max(0, v.GetValue<int>());
            }
        }

        return null;
    }

    private static string ReadName(string query, ref int at)
    {
        var start = at;
        while (at < query.Length && (char.IsLetterOrDigit(query[at]) || query[at] == '_'))
        {
            at++;
        }

        return query[start..at];
    }

    private static int SkipDirectives(string query, int at)
    {
        while (at < query.Length && query[at] == '@')
        {
            at++;
            ReadName(query, ref at);
            at = Skip(query, at);
            if (at < query.Length && query[at] == '(')
            {
                at = Skip(query, ShopifyGraphQLRequest.MatchingParenthesis(query, at) + 1);
            }
        }

        return at;
    }

    private static int Skip(string query, int at)
    {
        while (at < query.Length)
        {
            at = ShopifyGraphQLRequest.SkipWhitespace(query, at);
            if (at < query.Length && query[at] == '#')
            {
                var end = query.IndexOf('\n', at);
                at = end < 0 ? query.Length : end + 1;
                continue;
            }

            return at;
        }

        return at;
    }
}
