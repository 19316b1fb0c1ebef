using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connect.Sdk.Testing.Fakes.Shopware;

/// <summary>
/// The part of the search API's Criteria the fake models: <c>page</c>, <c>limit</c>, <c>filter</c> (<c>equals</c>,
/// <c>equalsAny</c>, <c>range</c>, <c>multi</c> with <c>AND</c>/<c>OR</c>), <c>sort</c>, <c>associations</c> and
/// <c>total-count-mode</c>. Anything else in a filter is refused as Shopware refuses an unknown filter type.
/// </summary>
internal sealed class ShopwareCriteria
{
    private ShopwareCriteria(JsonObject body) => Body = body;

    public JsonObject Body { get; }

    public int Page => Body["page"] is JsonValue p && p.TryGetValue<int>(out var page) ? page : 1;

    public int? Limit => Body["limit"] is JsonValue l && l.TryGetValue<int>(out var limit) ? limit : null;

    /// <summary>Whether the exact total is asked for (<c>total-count-mode</c> 1 or <c>exact</c>).</summary>
    public bool ExactTotal => Body["total-count-mode"] is JsonValue mode && (mode.ToJsonString() is "1" or "\"1\"" or "\"exact\"");

    /// <summary>Reads a criteria body; <see langword="null"/> with the problem when it is not one.</summary>
    public static ShopwareCriteria? Parse(string? body, out string problem)
    {
        problem = string.Empty;
        if (string.IsNullOrWhiteSpace(body))
        {
            return new ShopwareCriteria([]);
        }

        try
        {
            if (JsonNode.Parse(body) is JsonObject criteria)
            {
                return new ShopwareCriteria(criteria);
            }
        }
        catch (JsonException)
        {
        }

        problem = "The request body is not a valid Criteria object.";
        return null;
    }

    /// <summary>Whether an association path was asked for, e.g. <c>deliveries</c> or <c>billingAddress.country</c>.</summary>
    public bool Wants(string path)
    {
        JsonNode? node = Body;
        foreach (var part in path.Split('.'))
        {
            node = node?["associations"]?[part];
            if (node is null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Checks every filter's type; the first unknown one as Shopware words it.</summary>
    public string? FilterProblem() => Filters().Select(Problem).FirstOrDefault(p => p is not null);

    public bool Matches(JsonObject entity) => Filters().All(f => Matches(f, entity));

    public IEnumerable<JsonObject> Sorted(IEnumerable<JsonObject> entities)
    {
        var sorts = (Body["sort"] as JsonArray)?.OfType<JsonObject>().ToArray() ?? [];
        IOrderedEnumerable<JsonObject>? ordered = null;
        foreach (var sort in sorts)
        {
            var field = (string?)sort["field"] ?? "id";
            var descending = string.Equals((string?)sort["order"], "DESC", StringComparison.OrdinalIgnoreCase);
            var comparer = Comparer<JsonObject>.Create((a, b) => Compare(Value(a, field), Value(b, field)));
            ordered = ordered is null
                ? (descending ? entities.OrderDescending(comparer) : entities.Order(comparer))
                : (descending ? ordered.ThenByDescending(e => e, comparer) : ordered.ThenBy(e => e, comparer));
        }

        return ordered ?? entities;
    }

    private IEnumerable<JsonObject> Filters() => (Body["filter"] as JsonArray)?.OfType<JsonObject>() ?? [];

    private static string? Problem(JsonObject filter) => (string?)filter["type"] switch
    {
        "equals" or "equalsAny" or "range" => null,
        "multi" => (filter["queries"] as JsonArray)?.OfType<JsonObject>().Select(Problem).FirstOrDefault(p => p is not null),
        var type => $"Unsupported filter type \"{type}\"",
    };

    private static bool Matches(JsonObject filter, JsonObject entity)
    {
        var field = (string?)filter["field"] ?? string.Empty;
        switch ((string?)filter["type"])
        {
            case "equals":
                return Compare(Value(entity, field), filter["value"]) == 0 && (Value(entity, field) is not null) == (filter["value"] is not null);
            case "equalsAny":
                var values = filter["value"] is JsonArray array ? array.ToArray() : ((string?)filter["value"] ?? string.Empty).Split('|').Select(v => (JsonNode?)JsonValue.Create(v)).ToArray();
                var held = Value(entity, field);
                return held is not null && values.Any(v => Compare(held, v) == 0);
            case "range":
                var value = Value(entity, field);
                if (value is null)
                {
                    return false;
                }

                var parameters = filter["parameters"] as JsonObject ?? [];
                return parameters.All(p => p.Key switch
                {
                    "gte" => Compare(value, p.Value) >= 0,
                    "gt" => Compare(value, p.Value) > 0,
                    "lte" => Compare(value, p.Value) <= 0,
                    "lt" => Compare(value, p.Value) < 0,
                    _ => true,
                });
            case "multi":
                var queries = (filter["queries"] as JsonArray)?.OfType<JsonObject>().ToArray() ?? [];
                return string.Equals((string?)filter["operator"], "OR", StringComparison.OrdinalIgnoreCase)
                    ? queries.Any(q => Matches(q, entity))
                    : queries.All(q => Matches(q, entity));
            default:
                return false;
        }
    }

    private static JsonNode? Value(JsonObject entity, string field)
    {
        JsonNode? node = entity;
        foreach (var part in field.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
        }

        return node;
    }

    // Dates compare as instants, numbers as numbers, the rest as ordinal text; null sorts first, as MySQL does.
    private static int Compare(JsonNode? left, JsonNode? right)
    {
        if (left is null || right is null)
        {
            return (left is null ? 0 : 1) - (right is null ? 0 : 1);
        }

        var a = Text(left);
        var b = Text(right);
        if (DateTimeOffset.TryParse(a, CultureInfo.InvariantCulture, DateTimeStyles.None, out var da) && a.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(b, CultureInfo.InvariantCulture, DateTimeStyles.None, out var db))
        {
            return da.CompareTo(db);
        }

        if (decimal.TryParse(a, NumberStyles.Number, CultureInfo.InvariantCulture, out var na) && decimal.TryParse(b, NumberStyles.Number, CultureInfo.InvariantCulture, out var nb))
        {
            return na.CompareTo(nb);
        }

        return string.CompareOrdinal(a, b);
    }

    private static string Text(JsonNode node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node.ToJsonString();
}
