using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;

namespace Connect.Sdk.Shopware.Orders;

/// <summary>
/// The Criteria of the order search: every association the mapping reads, orders created or changed since the cursor
/// (<c>updatedAt</c> is null until an order is changed, so both fields are asked for), sorted by <c>createdAt</c> and
/// <c>id</c> so that pages stay stable while orders change, with the exact total for paging.
/// </summary>
internal static class OrderCriteria
{
    private static readonly InstantPattern Date = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'fff'+00:00'");

    /// <summary>A page of the orders changed since an instant (from the first page, 1).</summary>
    public static JsonObject ChangedSince(Instant? since, int page, int limit)
    {
        var criteria = Base(page, limit);
        if (since is { } from)
        {
            var value = Date.Format(from);
            criteria["filter"] = new JsonArray(new JsonObject
            {
                ["type"] = "multi",
                ["operator"] = "OR",
                ["queries"] = new JsonArray(
                    new JsonObject { ["type"] = "range", ["field"] = "updatedAt", ["parameters"] = new JsonObject { ["gte"] = value } },
                    new JsonObject { ["type"] = "range", ["field"] = "createdAt", ["parameters"] = new JsonObject { ["gte"] = value } }),
            });
        }

        return criteria;
    }

    /// <summary>The orders with these numbers.</summary>
    public static JsonObject ByNumbers(IReadOnlyCollection<string> numbers)
    {
        var criteria = Base(1, Math.Max(1, numbers.Count));
        criteria["filter"] = new JsonArray(new JsonObject { ["type"] = "equalsAny", ["field"] = "orderNumber", ["value"] = new JsonArray([.. numbers.Select(n => (JsonNode)n)]) });
        return criteria;
    }

    /// <summary>The order with this id, with its deliveries.</summary>
    public static JsonObject ById(string id)
    {
        var criteria = Base(1, 1);
        criteria["filter"] = new JsonArray(new JsonObject { ["type"] = "equals", ["field"] = "id", ["value"] = id });
        return criteria;
    }

    private static JsonObject Base(int page, int limit) => new()
    {
        ["page"] = page,
        ["limit"] = limit,
        ["total-count-mode"] = 1,
        ["sort"] = new JsonArray(new JsonObject { ["field"] = "createdAt", ["order"] = "ASC" }, new JsonObject { ["field"] = "id", ["order"] = "ASC" }),
        ["associations"] = new JsonObject
        {
            ["lineItems"] = new JsonObject(),
            ["currency"] = new JsonObject(),
            ["orderCustomer"] = new JsonObject(),
            ["stateMachineState"] = new JsonObject(),
            ["billingAddress"] = Address(),
            ["transactions"] = new JsonObject { ["associations"] = new JsonObject { ["paymentMethod"] = new JsonObject() } },
            ["deliveries"] = new JsonObject
            {
                ["associations"] = new JsonObject
                {
                    ["stateMachineState"] = new JsonObject(),
                    ["shippingMethod"] = new JsonObject(),
                    ["shippingOrderAddress"] = Address(),
                },
            },
        },
    };

    private static JsonObject Address() => new() { ["associations"] = new JsonObject { ["country"] = new JsonObject(), ["countryState"] = new JsonObject() } };
}
