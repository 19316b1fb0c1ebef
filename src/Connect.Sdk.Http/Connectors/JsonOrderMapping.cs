using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Connect.Sdk.Orders;

namespace Connect.Sdk.Http;

/// <summary>
/// Reads orders that a page or a lookup keeps as raw JSON one by one, so that one order the marketplace sends
/// incomplete is reported as unreadable, naming its number and the field, while the rest of the page is imported.
/// </summary>
public static class JsonOrderMapping
{
    /// <summary>
    /// A mapping of one raw order: deserialize it with the connector's type info, then map it. A
    /// <see cref="JsonException"/>, <see cref="FormatException"/> or <see cref="ArgumentException"/> on the way makes the
    /// order unreadable.
    /// </summary>
    /// <typeparam name="TWire">The marketplace's shape of an order.</typeparam>
    /// <param name="type">The shape's source-generated type info.</param>
    /// <param name="map">Maps the shape to the SDK's order; throws <see cref="FormatException"/> naming the field for a value not in the documented format.</param>
    /// <param name="marketplace">The marketplace's name in messages.</param>
    /// <param name="numberField">The JSON field that holds the order number, named in the unreadable order.</param>
    /// <returns>The mapping, for <see cref="OrderPage.Map{TPayload}"/> and <see cref="OrderPaging"/>.</returns>
    public static TryMapOrder<JsonElement> For<TWire>(JsonTypeInfo<TWire> type, Func<TWire, MarketplaceOrder> map, string marketplace, string numberField = "number")
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(map);
        return (JsonElement json, [NotNullWhen(true)] out MarketplaceOrder? order, [NotNullWhen(false)] out UnreadableOrder? unreadable) =>
        {
            (order, unreadable) = (null, null);
            try
            {
                order = map(json.Deserialize(type) ?? throw new FormatException("the order is null"));
                return true;
            }
            catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException)
            {
                var number = json.ValueKind == JsonValueKind.Object && json.TryGetProperty(numberField, out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "(no number)";
                var problem = ex is JsonException malformed ? JsonFieldProblem.Describe(malformed) : ex.Message;
                unreadable = new UnreadableOrder(number, $"{marketplace} order {number} could not be read: {problem}");
                return false;
            }
        };
    }
}
