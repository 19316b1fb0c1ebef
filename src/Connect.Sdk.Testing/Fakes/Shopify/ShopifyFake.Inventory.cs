using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Connect.Sdk.Testing.Fakes.Shopify;

/// <content>The shop, its location, variant and inventory item lookups, and <c>inventorySetQuantities</c>.</content>
public sealed partial class ShopifyFake
{
    private const int MaxPageSize = 250;
    private const int MutationCost = 10;

    // The reasons Shopify's inventory mutations accept.
    private static readonly HashSet<string> Reasons = new(StringComparer.Ordinal)
    {
        "correction", "cycle_count_available", "damaged", "movement_canceled", "movement_created", "movement_received",
        "movement_updated", "other", "promotion", "quality_control", "received", "reservation_created",
        "reservation_deleted", "reservation_updated", "restock", "safety_stock", "shrinkage",
    };

    private static JsonObject Connection(List<(string Cursor, JsonNode Node)> page, bool hasNextPage, bool hasPreviousPage) => new()
    {
        ["edges"] = new JsonArray(page.Select(p => (JsonNode)new JsonObject { ["cursor"] = p.Cursor, ["node"] = p.Node.DeepClone() }).ToArray()),
        ["nodes"] = new JsonArray(page.Select(p => p.Node.DeepClone()).ToArray()),
        ["pageInfo"] = new JsonObject
        {
            ["hasNextPage"] = hasNextPage,
            ["hasPreviousPage"] = hasPreviousPage,
            ["startCursor"] = page.Count > 0 ? page[0].Cursor : null,
            ["endCursor"] = page.Count > 0 ? page[^1].Cursor : null,
        },
    };

    private static JsonObject UserError(string message, string? code, params string[] field)
    {
        var error = new JsonObject { ["field"] = new JsonArray(field.Select(f => (JsonNode)JsonValue.Create(f)).ToArray()), ["message"] = message };
        if (code is not null)
        {
            error["code"] = code;
        }

        return error;
    }

    private static bool TryInt(JsonNode? node, out int? value)
    {
        value = node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<int>() : null;
        return node is null || value is not null;
    }

    private (JsonNode? Data, int ActualCost) Shop(FakeCall call, ShopifyGraphQLRequest request) => (new JsonObject
    {
        ["id"] = ShopifyGid.Of("Shop", _shopId),
        ["name"] = "Connect Fake Shop",
        ["myshopifyDomain"] = "connect-fake.myshopify.com",
        ["currencyCode"] = "EUR",
    }, 1);

    private JsonObject RenderLocation() => new()
    {
        ["id"] = ShopifyGid.Of("Location", LocationId),
        ["name"] = "Warehouse",
        ["isActive"] = true,
        ["fulfillsOnlineOrders"] = true,
    };

    private (JsonNode? Data, int ActualCost) Location(FakeCall call, ShopifyGraphQLRequest request) =>
        (ShopifyGid.TryParse(request.StringArgument("id"), "Location", out var id) && id == LocationId ? RenderLocation() : null, 1);

    private (JsonNode? Data, int ActualCost) Locations(FakeCall call, ShopifyGraphQLRequest request) =>
        (Connection([(Cursor("location", LocationId), (JsonNode)RenderLocation())], hasNextPage: false, hasPreviousPage: false), 3);

    private JsonObject RenderInventoryLevels(ShopifyVariant variant) => new()
    {
        ["nodes"] = new JsonArray(new JsonObject
        {
            ["id"] = $"gid://shopify/InventoryLevel/{LocationId}?inventory_item_id={variant.InventoryItemId}",
            ["location"] = new JsonObject { ["id"] = ShopifyGid.Of("Location", LocationId) },
            ["quantities"] = new JsonArray(new JsonObject { ["name"] = "available", ["quantity"] = variant.Available }),
        }),
    };

    // Adds inventoryLevel(locationId:) to every inventory item in an answer: its level at that location, or null.
    private static void AddInventoryLevel(JsonNode? data, string? locationGid)
    {
        var items = new List<JsonObject>();
        Collect(data);
        foreach (var item in items)
        {
            var level = (item["inventoryLevels"]?["nodes"] as JsonArray ?? []).FirstOrDefault(n => (string?)n?["location"]?["id"] == locationGid);
            item["inventoryLevel"] = level?.DeepClone();
        }

        void Collect(JsonNode? node)
        {
            if (node is JsonObject o)
            {
                if (o.ContainsKey("inventoryLevels"))
                {
                    items.Add(o);
                }

                foreach (var (_, child) in o)
                {
                    Collect(child);
                }
            }
            else if (node is JsonArray a)
            {
                foreach (var child in a)
                {
                    Collect(child);
                }
            }
        }
    }

    private JsonObject RenderVariant(ShopifyVariant variant) => new()
    {
        ["id"] = ShopifyGid.Of("ProductVariant", variant.Id),
        ["sku"] = variant.Sku,
        ["title"] = "Default Title",
        ["inventoryQuantity"] = variant.Available,
        ["product"] = RenderProductReference(variant),
        ["inventoryItem"] = new JsonObject
        {
            ["id"] = ShopifyGid.Of("InventoryItem", variant.InventoryItemId),
            ["tracked"] = true,
            ["inventoryLevels"] = RenderInventoryLevels(variant),
        },
    };

    private (JsonNode? Data, int ActualCost) ProductVariants(FakeCall call, ShopifyGraphQLRequest request)
    {
        IEnumerable<ShopifyVariant> found = _variants;
        if (request.StringArgument("query") is { } query && SkuFilter().Match(query) is { Success: true } sku)
        {
            var wanted = sku.Groups["sku"].Value.Trim('"', '\'');
            found = found.Where(v => string.Equals(v.Sku, wanted, StringComparison.Ordinal));
        }

        var all = found.Select(v => (Cursor: Cursor("variant", v.Id), Node: (JsonNode)RenderVariant(v))).ToList();
        var page = After(all, request.StringArgument("after")).Take(request.IntArgument("first") ?? 1).ToList();
        var more = all.Count > 0 && page.Count > 0 && page[^1].Cursor != all[^1].Cursor;
        return (Connection(page, more, page.Count > 0 && page[0].Cursor != all[0].Cursor), 2 + page.Count);
    }

    private static JsonObject RenderProductReference(ShopifyVariant variant) => new()
    {
        ["id"] = ShopifyGid.Of("Product", variant.ProductId),
        ["hasOnlyDefaultVariant"] = variant.IsDefaultVariant,
    };

    private (JsonNode? Data, int ActualCost) Product(FakeCall call, ShopifyGraphQLRequest request)
    {
        if (!ShopifyGid.TryParse(request.StringArgument("id"), "Product", out var id) || _variants.FindAll(v => v.ProductId == id) is not { Count: > 0 } variants)
        {
            return (null, 1);
        }

        var product = RenderProductReference(variants[0]);
        product["title"] = "Product " + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        product["variants"] = new JsonObject
        {
            ["nodes"] = new JsonArray(variants.Select(v => (JsonNode)RenderVariant(v)).ToArray()),
            ["pageInfo"] = new JsonObject { ["hasNextPage"] = false, ["endCursor"] = null },
        };
        return (product, 1);
    }

    private (JsonNode? Data, int ActualCost) ProductVariant(FakeCall call, ShopifyGraphQLRequest request) =>
        (ShopifyGid.TryParse(request.StringArgument("id"), "ProductVariant", out var id) && _variants.Find(v => v.Id == id) is { } variant ? RenderVariant(variant) : null, 1);

    private (JsonNode? Data, int ActualCost) InventoryItem(FakeCall call, ShopifyGraphQLRequest request)
    {
        if (!ShopifyGid.TryParse(request.StringArgument("id"), "InventoryItem", out var id) || _variants.Find(v => v.InventoryItemId == id) is not { } variant)
        {
            return (null, 1);
        }

        return (new JsonObject
        {
            ["id"] = ShopifyGid.Of("InventoryItem", variant.InventoryItemId),
            ["sku"] = variant.Sku,
            ["tracked"] = true,
            ["variant"] = new JsonObject { ["id"] = ShopifyGid.Of("ProductVariant", variant.Id) },
            ["inventoryLevels"] = RenderInventoryLevels(variant),
        }, 2);
    }

    private (JsonNode? Data, int ActualCost) SetQuantities(FakeCall call, ShopifyGraphQLRequest request)
    {
        var input = request.Argument("input") as JsonObject;
        var errors = new JsonArray();
        var changes = new List<(ShopifyVariant Variant, int Quantity)>();
        var needsChangeFrom = IsAtLeast(call, "2026-04");
        if ((string?)input?["name"] is not "available")
        {
            // Shopify also takes on_hand; the fake keeps only the available quantity, so it refuses on_hand too.
            errors.Add(UserError("The quantity name must be either 'available' or 'on_hand'.", "INVALID_NAME", "input", "name"));
        }

        if (!Reasons.Contains((string?)input?["reason"] ?? string.Empty))
        {
            errors.Add(UserError("The specified reason is invalid.", "INVALID_REASON", "input", "reason"));
        }

        var quantities = input?["quantities"] as JsonArray ?? [];
        for (var i = 0; i < quantities.Count; i++)
        {
            var index = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var entry = quantities[i] as JsonObject ?? [];
            ShopifyVariant? variant = null;
            if (ShopifyGid.TryParse((string?)entry["inventoryItemId"], "InventoryItem", out var itemId))
            {
                variant = _variants.Find(v => v.InventoryItemId == itemId);
            }

            if (variant is null)
            {
                errors.Add(UserError("The specified inventory item could not be found.", "INVALID_INVENTORY_ITEM", "input", "quantities", index, "inventoryItemId"));
                continue;
            }

            if (!ShopifyGid.TryParse((string?)entry["locationId"], "Location", out var locationId) || locationId != LocationId)
            {
                errors.Add(UserError("The specified location could not be found.", "INVALID_LOCATION", "input", "quantities", index, "locationId"));
                continue;
            }

            if (entry["quantity"] is not JsonValue q || q.GetValueKind() != JsonValueKind.Number)
            {
                errors.Add(UserError("The quantity can't be negative.", "INVALID_QUANTITY_NEGATIVE", "input", "quantities", index, "quantity"));
                continue;
            }

            if (q.GetValue<int>() < 0)
            {
                errors.Add(UserError("The quantity can't be negative.", "INVALID_QUANTITY_NEGATIVE", "input", "quantities", index, "quantity"));
                continue;
            }

            // From 2026-04 changeFromQuantity (its presence is checked before the mutation runs); before it,
            // compareQuantity, which must be given unless ignoreCompareQuantity is true.
            var (compareName, staleCode) = needsChangeFrom ? ("changeFromQuantity", "CHANGE_FROM_QUANTITY_STALE") : ("compareQuantity", "COMPARE_QUANTITY_STALE");
            var skip = !needsChangeFrom && input?["ignoreCompareQuantity"] is JsonValue ignore && ignore.GetValueKind() == JsonValueKind.True;
            if (!needsChangeFrom && !skip && entry["compareQuantity"] is null)
            {
                errors.Add(UserError("The compareQuantity argument must be given to each quantity or ignored using ignoreCompareQuantity.", "COMPARE_QUANTITY_REQUIRED", "input", "quantities", index, compareName));
                continue;
            }

            if (!TryInt(entry[compareName], out var expected))
            {
                errors.Add(UserError($"{compareName} must be an integer or null.", staleCode, "input", "quantities", index, compareName));
                continue;
            }

            if (!skip && expected is { } from && from != variant.Available)
            {
                errors.Add(UserError("The specified compare quantity does not match the current quantity.", staleCode, "input", "quantities", index, compareName));
                continue;
            }

            changes.Add((variant, q.GetValue<int>()));
        }

        if (errors.Count > 0)
        {
            // Shopify applies all of the quantities or none.
            return (new JsonObject { ["inventoryAdjustmentGroup"] = null, ["userErrors"] = errors }, MutationCost);
        }

        var changeNodes = new JsonArray();
        foreach (var (variant, quantity) in changes)
        {
            var delta = quantity - variant.Available;
            variant.Available = quantity;
            changeNodes.Add(new JsonObject
            {
                ["name"] = "available",
                ["delta"] = delta,
                ["quantityAfterChange"] = quantity,
                ["item"] = new JsonObject { ["id"] = ShopifyGid.Of("InventoryItem", variant.InventoryItemId) },
                ["location"] = new JsonObject { ["id"] = ShopifyGid.Of("Location", LocationId) },
            });
        }

        return (new JsonObject
        {
            ["inventoryAdjustmentGroup"] = new JsonObject
            {
                ["id"] = ShopifyGid.Of("InventoryAdjustmentGroup", NextId()),
                ["createdAt"] = Clock.GetCurrentInstant().ToString(),
                ["reason"] = (string?)input?["reason"],
                ["referenceDocumentUri"] = (string?)input?["referenceDocumentUri"],
                ["changes"] = changeNodes,
            },
            ["userErrors"] = new JsonArray(),
        }, MutationCost);
    }

    private static string Cursor(string kind, long id) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{kind}:{id}"));

    private static IEnumerable<(string Cursor, JsonNode Node)> After(List<(string Cursor, JsonNode Node)> all, string? after)
    {
        if (after is null)
        {
            return all;
        }

        var index = all.FindIndex(p => p.Cursor == after);

        // An unknown cursor yields an empty page rather than starting over, so a client that mangles it notices.
        return index < 0 ? [] : all.Skip(index + 1);
    }

    [GeneratedRegex(@"\bsku:(?<sku>""[^""]*""|'[^']*'|\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex SkuFilter();
}
