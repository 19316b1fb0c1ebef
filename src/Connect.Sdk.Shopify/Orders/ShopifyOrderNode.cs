using System.Buffers;
using System.Text.Json;

namespace Connect.Sdk.Shopify.Orders;

/// <summary>
/// Reads what the import needs of an order node before the order itself is read (its <c>name</c>, its <c>id</c>, the
/// cursor to its further lines) and joins the lines of follow-ups into it. Each accessor tolerates a node of any shape:
/// a field of another type is the mapper's to report, naming it, for that order alone.
/// </summary>
internal static class ShopifyOrderNode
{
    /// <summary>The order's <c>name</c>, e.g. <c>#1001</c>.</summary>
    /// <param name="order">The order node.</param>
    /// <returns>The name, or <see langword="null"/> when the node has no name as a string.</returns>
    public static string? NameOf(JsonElement order) => StringOf(order, "name");

    /// <summary>The order's <c>id</c>, its GID.</summary>
    /// <param name="order">The order node.</param>
    /// <returns>The GID, or <see langword="null"/> when the node has no id as a string.</returns>
    public static string? IdOf(JsonElement order) => StringOf(order, "id");

    /// <summary>Where the order's further lines start: <c>lineItems.pageInfo.endCursor</c> when <c>hasNextPage</c> is true.</summary>
    /// <param name="order">The order node, or a follow-up's order.</param>
    /// <returns>The cursor, or <see langword="null"/> when Shopify says there are no more lines (or says it unreadably).</returns>
    public static string? NextLinesCursorOf(JsonElement order) =>
        PageInfoOf(order) is { } pageInfo
        && pageInfo.TryGetProperty("hasNextPage", out var hasNext) && hasNext.ValueKind == JsonValueKind.True
        && pageInfo.TryGetProperty("endCursor", out var cursor) && cursor.ValueKind == JsonValueKind.String
            ? cursor.GetString()
            : null;

    /// <summary>The nodes of the order's <c>lineItems</c>.</summary>
    /// <param name="order">The order node, or a follow-up's order.</param>
    /// <returns>The line nodes, or <see langword="null"/> when the node has no <c>lineItems.nodes</c> list.</returns>
    public static IReadOnlyList<JsonElement>? LinesOf(JsonElement order) =>
        LineItemsOf(order) is { } lineItems && lineItems.TryGetProperty("nodes", out var nodes) && nodes.ValueKind == JsonValueKind.Array
            ? [.. nodes.EnumerateArray()]
            : null;

    /// <summary>
    /// The order with every line read: its <c>lineItems.nodes</c> replaced by <paramref name="lines"/> and its
    /// <c>pageInfo</c> by the last follow-up's, so a flawed line is reported at its index among all the order's lines.
    /// </summary>
    /// <param name="order">The order node as the page brought it.</param>
    /// <param name="lines">All its line nodes, the page's first.</param>
    /// <param name="lastFollowUp">The order of the last follow-up, whose <c>lineItems.pageInfo</c> says whether more remain.</param>
    /// <returns>The order node with all its lines.</returns>
    public static JsonElement WithLines(JsonElement order, IEnumerable<JsonElement> lines, JsonElement lastFollowUp)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in order.EnumerateObject().Where(p => !p.NameEquals("lineItems")))
            {
                property.WriteTo(writer);
            }

            writer.WriteStartObject("lineItems");
            writer.WriteStartArray("nodes");
            foreach (var line in lines)
            {
                line.WriteTo(writer);
            }

            writer.WriteEndArray();
            if (PageInfoOf(lastFollowUp) is { } pageInfo)
            {
                writer.WritePropertyName("pageInfo");
                pageInfo.WriteTo(writer);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private static JsonElement? LineItemsOf(JsonElement order) =>
        order.ValueKind == JsonValueKind.Object && order.TryGetProperty("lineItems", out var lineItems) && lineItems.ValueKind == JsonValueKind.Object ? lineItems : null;

    private static JsonElement? PageInfoOf(JsonElement order) =>
        LineItemsOf(order) is { } lineItems && lineItems.TryGetProperty("pageInfo", out var pageInfo) && pageInfo.ValueKind == JsonValueKind.Object ? pageInfo : null;

    private static string? StringOf(JsonElement order, string field) =>
        order.ValueKind == JsonValueKind.Object && order.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
