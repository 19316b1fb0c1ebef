using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Connect.Sdk.Testing.Fakes.Shopify;

/// <summary>
/// What the Shopify fake reads from a GraphQL document: whether it is a mutation, its first root field (and
/// alias), that field's arguments, the <c>@idempotent(key:)</c> directive and the requested cost of the whole
/// selection. No GraphQL engine: the selection is read only to price it, so the fake answers each root field with
/// its fixed, complete shape.
/// </summary>
internal sealed partial class ShopifyGraphQLRequest
{
    private readonly string _arguments;
    private readonly JsonObject _variables;

    private ShopifyGraphQLRequest(bool isMutation, string field, string responseKey, string arguments, string? idempotencyKey, JsonObject variables, int requestedCost, ShopifySelection? root)
    {
        RequestedCost = requestedCost;
        Root = root;
        IsMutation = isMutation;
        Field = field;
        ResponseKey = responseKey;
        _arguments = arguments;
        IdempotencyKey = idempotencyKey;
        _variables = variables;
    }

    public bool IsMutation { get; }

    /// <summary>
    /// The requested cost of the document as Shopify's rate-limit documentation prices it before running it:
    /// scalars and enums 0, an object 1, a connection 2 plus <c>first</c> (or <c>last</c>) times the cost of one
    /// node's selection (so nested connections multiply), a list with <c>first</c> that many times its element's
    /// cost, a mutation 10. Root fields add up.
    /// </summary>
    public int RequestedCost { get; }

    /// <summary>The first root field with its selection: where the fake reads nested connections' <c>first</c> and <c>after</c>.</summary>
    public ShopifySelection? Root { get; }

    /// <summary>The request's variables.</summary>
    public JsonObject Variables => _variables;

    /// <summary>The first root field, e.g. <c>orders</c> or <c>inventorySetQuantities</c>.</summary>
    public string Field { get; }

    /// <summary>The key the answer goes under in <c>data</c>: the alias if the document gave one.</summary>
    public string ResponseKey { get; }

    /// <summary>The key of the <c>@idempotent(key:)</c> directive, or <see langword="null"/>.</summary>
    public string? IdempotencyKey { get; }

    /// <summary>The root field's arguments and the variables: two requests with the same fingerprint ask the same.</summary>
    public string Fingerprint => $"{Field}({_arguments})\n{_variables.ToJsonString()}";

    /// <summary>Reads a request body <c>{"query", "variables", "operationName"}</c>.</summary>
    /// <returns>The request, or <see langword="null"/> when the body is not such JSON or the document has no root field.</returns>
    public static ShopifyGraphQLRequest? Parse(string? body)
    {
        JsonObject? json;
        try
        {
            json = string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }

        if (json?["query"] is not JsonValue queryValue || !queryValue.TryGetValue<string>(out var query))
        {
            return null;
        }

        var variables = json["variables"] as JsonObject ?? [];
        var open = FirstBraceOutsideParentheses(query);
        if (open < 0)
        {
            return null;
        }

        var header = query[..open].TrimStart();
        var root = RootField().Match(query, open + 1);
        if (!root.Success)
        {
            return null;
        }

        var field = root.Groups["field"].Value;
        var alias = root.Groups["alias"].Success ? root.Groups["alias"].Value : field;
        var arguments = string.Empty;
        var at = SkipWhitespace(query, root.Index + root.Length);
        if (at < query.Length && query[at] == '(')
        {
            var close = MatchingParenthesis(query, at);
            arguments = query[(at + 1)..close];
        }

        string? key = null;
        if (Idempotent().Match(query) is { Success: true } directive)
        {
            key = Resolve(directive.Groups["value"].Value, variables) is JsonValue k && k.TryGetValue<string>(out var text) ? text : null;
        }

        var isMutation = header.StartsWith("mutation", StringComparison.Ordinal);
        var at2 = open;
        var selection = ShopifySelection.ReadSet(query, ref at2);
        var cost = isMutation ? MutationCost * Math.Max(1, selection.Count) : selection.Sum(f => f.Cost(variables));
        return new ShopifyGraphQLRequest(isMutation, field, alias, arguments, key, variables, cost, selection.Count > 0 ? selection[0] : null);
    }

    /// <summary>An argument of the root field, a literal or a <c>$variable</c>.</summary>
    /// <param name="name">The argument's name.</param>
    /// <returns>Its value, or <see langword="null"/> when absent or null.</returns>
    public JsonNode? Argument(string name)
    {
        foreach (Match match in ArgumentPair().Matches(_arguments))
        {
            if (match.Groups["name"].Value == name)
            {
                return Resolve(match.Groups["value"].Value, _variables);
            }
        }

        return null;
    }

    /// <summary>The cost Shopify gives a mutation.</summary>
    public const int MutationCost = 10;

    /// <summary>Resolves an argument in an argument list's text, a literal or a <c>$variable</c>.</summary>
    internal static JsonNode? ArgumentIn(string arguments, string name, JsonObject variables)
    {
        foreach (Match match in ArgumentPair().Matches(arguments))
        {
            if (match.Groups["name"].Value == name)
            {
                return Resolve(match.Groups["value"].Value, variables);
            }
        }

        return null;
    }

    public string? StringArgument(string name) => Argument(name) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public int? IntArgument(string name) => Argument(name) is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<int>() : null;

    private static JsonNode? Resolve(string literal, JsonObject variables)
    {
        if (literal.StartsWith('$'))
        {
            return variables[literal[1..]]?.DeepClone();
        }

        if (literal is "null")
        {
            return null;
        }

        // String, number and boolean literals are valid JSON too; enum values and objects are not read inline.
        try
        {
            return JsonNode.Parse(literal);
        }
        catch (JsonException)
        {
            return JsonValue.Create(literal.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static int FirstBraceOutsideParentheses(string query)
    {
        var depth = 0;
        for (var i = 0; i < query.Length; i++)
        {
            switch (query[i])
            {
                case '"':
                    i = EndOfString(query, i);
                    break;
                case '#':
                    // A comment runs to the end of the line and may hold braces.
                    var end = query.IndexOf('\n', i);
                    i = end < 0 ? query.Length : end;
                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case '{' when depth == 0:
                    return i;
            }
        }

        return -1;
    }

    internal static int MatchingParenthesis(string query, int open)
    {
        var depth = 0;
        for (var i = open; i < query.Length; i++)
        {
            switch (query[i])
            {
                case '"':
                    i = EndOfString(query, i);
                    break;
                case '(':
                    depth++;
                    break;
                case ')' when --depth == 0:
                    return i;
            }
        }

        return query.Length;
    }

    internal static int EndOfString(string query, int quote)
    {
        for (var i = quote + 1; i < query.Length; i++)
        {
            if (query[i] == '\\')
            {
                i++;
            }
            else if (query[i] == '"')
            {
                return i;
            }
        }

        return query.Length;
    }

    internal static int SkipWhitespace(string query, int at)
    {
        while (at < query.Length && (char.IsWhiteSpace(query[at]) || query[at] == ','))
        {
            at++;
        }

        return at;
    }

    [GeneratedRegex(@"\G[\s,]*(?:(?<alias>[_A-Za-z]\w*)\s*:\s*)?(?<field>[_A-Za-z]\w*)", RegexOptions.CultureInvariant)]
    private static partial Regex RootField();

    [GeneratedRegex(@"(?<name>[_A-Za-z]\w*)\s*:\s*(?<value>\$\w+|""(?:[^""\\]|\\.)*""|-?\d+(?:\.\d+)?|true|false|null|[_A-Z]\w*)", RegexOptions.CultureInvariant)]
    private static partial Regex ArgumentPair();

    [GeneratedRegex(@"@idempotent\s*\(\s*key\s*:\s*(?<value>\$\w+|""(?:[^""\\]|\\.)*"")\s*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Idempotent();
}
