using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connect.Sdk.Testing.Fakes.Shopify.GraphQL;

/// <summary>
/// One page of a connection as a source for the executor: the nodes on it with their cursors (a node may be a
/// <see cref="Func{TResult}"/> that renders it only when the page holds it) and whether pages lie before and after.
/// </summary>
internal sealed record GraphQLPage(IReadOnlyList<(string Cursor, object? Node)> Items, bool HasNextPage, bool HasPreviousPage)
{
    /// <summary>
    /// Cuts the page Relay's arguments ask for from every node in order: <c>reverse</c>, then <c>after</c>/<c>before</c>
    /// (an unknown cursor gives an empty page rather than starting over, so a client that mangles one notices), then
    /// <c>first</c> from the front or <c>last</c> from the back.
    /// </summary>
    public static GraphQLPage Of(IReadOnlyList<(string Cursor, object? Node)> all, IReadOnlyDictionary<string, JsonNode?> arguments)
    {
        IEnumerable<(string Cursor, object? Node)> ordered = all;
        if (arguments.GetValueOrDefault("reverse") is JsonValue reverse && reverse.GetValueKind() == JsonValueKind.True)
        {
            ordered = all.Reverse();
        }

        var list = ordered.ToList();
        var window = list;
        if (String(arguments, "after") is { } after)
        {
            var index = window.FindIndex(p => p.Cursor == after);
            window = index < 0 ? [] : window[(index + 1)..];
        }

        if (String(arguments, "before") is { } before)
        {
            var index = window.FindIndex(p => p.Cursor == before);
            window = index < 0 ? [] : window[..index];
        }

        if (Int(arguments, "first") is { } first)
        {
            window = window[..Math.Min(Math.Max(0, first), window.Count)];
        }

        if (Int(arguments, "last") is { } last)
        {
            window = window[Math.Max(0, window.Count - Math.Max(0, last))..];
        }

        var hasNext = window.Count > 0 && window[^1].Cursor != list[^1].Cursor;
        var hasPrevious = window.Count > 0 && window[0].Cursor != list[0].Cursor;
        return new GraphQLPage(window, hasNext, hasPrevious);
    }

    /// <summary>Pages a list of nodes that carry no cursors: each gets an opaque one from its kind and position.</summary>
    public static GraphQLPage Of(string kind, IEnumerable<object?> nodes, IReadOnlyDictionary<string, JsonNode?> arguments) =>
        Of([.. nodes.Select((n, i) => (CursorOf(kind, i), n))], arguments);

    /// <summary>An opaque cursor, base64 of the kind and a position or id.</summary>
    public static string CursorOf(string kind, long position) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{kind}:{position}"));

    public JsonObject PageInfo() => new()
    {
        ["hasNextPage"] = HasNextPage,
        ["hasPreviousPage"] = HasPreviousPage,
        ["startCursor"] = Items.Count > 0 ? Items[0].Cursor : null,
        ["endCursor"] = Items.Count > 0 ? Items[^1].Cursor : null,
    };

    private static string? String(IReadOnlyDictionary<string, JsonNode?> arguments, string name) =>
        arguments.GetValueOrDefault(name) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static int? Int(IReadOnlyDictionary<string, JsonNode?> arguments, string name) =>
        arguments.GetValueOrDefault(name) is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<int>() : null;
}
