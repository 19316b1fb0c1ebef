using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connect.Sdk.Testing.Fakes.Shopify.GraphQL;

namespace Connect.Sdk.Testing.Fakes.Shopify;

/// <content>The shop, its location, variant, product and inventory item lookups, and the inventory mutations.</content>
public sealed partial class ShopifyFake
{
    private const int MaxPageSize = 250;

    // The search warnings of the request being answered, for its extensions.search.
    private readonly List<JsonObject> _searchWarnings = [];

    // The reasons Shopify's inventory mutations accept.
    private static readonly HashSet<string> Reasons = new(StringComparer.Ordinal)
    {
        "correction", "cycle_count_available", "damaged", "movement_canceled", "movement_created", "movement_received",
        "movement_updated", "other", "promotion", "quality_control", "received", "reservation_created",
        "reservation_deleted", "reservation_updated", "restock", "safety_stock", "shrinkage",
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

    private static string? StringArgument(GraphQLResolveContext context, string name) =>
        context.Arguments.GetValueOrDefault(name) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    // A reference's id in the source, e.g. a line item's variant { id }.
    private static string? ReferenceId(GraphQLResolveContext context) => (string?)(context.Source as JsonObject)?[context.Field.Name]?["id"];

    private JsonObject Shop() => new()
    {
        ["id"] = ShopifyGid.Of("Shop", _shopId),
        ["name"] = "Connect Fake Shop",
        ["email"] = "shop@connect-fake.example",
        ["myshopifyDomain"] = "connect-fake.myshopify.com",
        ["currencyCode"] = Currency.Value,
        ["taxesIncluded"] = TaxesIncluded,
    };

    private JsonObject RenderLocation() => new()
    {
        ["id"] = ShopifyGid.Of("Location", LocationId),
        ["name"] = "Warehouse",
        ["isActive"] = true,
        ["fulfillsOnlineOrders"] = true,
    };

    private JsonObject? Location(GraphQLResolveContext context) =>
        ShopifyGid.TryParse(StringArgument(context, "id"), "Location", out var id) && id == LocationId ? RenderLocation() : null;

    private GraphQLPage Locations(GraphQLResolveContext context) =>
        GraphQLPage.Of([(GraphQLPage.CursorOf("location", LocationId), RenderLocation())], context.Arguments);

    private JsonObject RenderInventoryItem(ShopifyVariant variant) => new()
    {
        ["id"] = ShopifyGid.Of("InventoryItem", variant.InventoryItemId),
        ["sku"] = variant.Sku,
        ["tracked"] = true,
        ["variant"] = new JsonObject { ["id"] = ShopifyGid.Of("ProductVariant", variant.Id) },
        ["inventoryLevels"] = new JsonObject
        {
            ["nodes"] = new JsonArray(new JsonObject
            {
                ["id"] = $"gid://shopify/InventoryLevel/{LocationId}?inventory_item_id={variant.InventoryItemId}",
                ["location"] = RenderLocation(),
                ["quantities"] = Quantities(variant),
            }),
        },
    };

    // Every state Shopify defines, as the fake knows it: committed is what open orders have not shipped yet, on_hand is
    // available plus committed, and the states the fake never moves units into (incoming, reserved, damaged, …) hold none.
    private JsonArray Quantities(ShopifyVariant variant)
    {
        var committed = CommittedOf(variant);
        return new JsonArray([.. InventoryStateNames.All.Select(name => (JsonNode)new JsonObject
        {
            ["name"] = name,
            ["quantity"] = name switch
            {
                InventoryStateNames.Available => variant.Available,
                InventoryStateNames.Committed => committed,
                InventoryStateNames.OnHand => variant.Available + committed,
                _ => 0,
            },
        })]);
    }

    private int CommittedOf(ShopifyVariant variant)
    {
        var variantId = ShopifyGid.Of("ProductVariant", variant.Id);
        return _orders
            .Where(order => !order.IsCancelled)
            .Sum(order =>
            {
                var keys = (order.Json["lineItems"]?["nodes"] as JsonArray ?? [])
                    .Where(line => (string?)line?["variant"]?["id"] == variantId)
                    .Select(line => ((string?)line!["id"])!["gid://shopify/LineItem/".Length..])
                    .ToHashSet(StringComparer.Ordinal);
                return order.Lines.Where(line => keys.Contains(line.Key)).Sum(line => line.Remaining);
            });
    }

    private JsonObject RenderVariant(ShopifyVariant variant) => new()
    {
        ["id"] = ShopifyGid.Of("ProductVariant", variant.Id),
        ["sku"] = variant.Sku,
        ["title"] = variant.Title,
        ["inventoryQuantity"] = variant.Available,
        ["price"] = MoneyScalar(variant.Price),
        ["compareAtPrice"] = variant.CompareAtPrice is { } compareAt ? MoneyScalar(compareAt) : null,
        ["product"] = new JsonObject { ["id"] = ShopifyGid.Of("Product", variant.ProductId) },
        ["inventoryItem"] = RenderInventoryItem(variant),
    };

    private JsonObject? RenderProduct(long productId)
    {
        var variants = _variants.FindAll(v => v.ProductId == productId);
        return variants.Count == 0 ? null : new JsonObject
        {
            ["id"] = ShopifyGid.Of("Product", productId),
            ["title"] = _productTitles.GetValueOrDefault(productId) ?? "Product " + productId.ToString(CultureInfo.InvariantCulture),
            ["hasOnlyDefaultVariant"] = variants is [{ IsDefaultVariant: true }],
        };
    }

    // The variants a search query's sku: terms name; every variant without one.
    private IEnumerable<ShopifyVariant> VariantsMatching(GraphQLResolveContext context)
    {
        IEnumerable<ShopifyVariant> found = _variants;
        foreach (var (_, sku) in Search(context, "sku")?.On("sku") ?? [])
        {
            found = found.Where(v => string.Equals(v.Sku, sku, StringComparison.Ordinal));
        }

        return found;
    }

    // The connection's search query; the terms on other fields than those the fake filters by become Shopify's warnings.
    private ShopifySearchQuery? Search(GraphQLResolveContext context, params string[] understood)
    {
        var query = ShopifySearchQuery.Of(context.Arguments.GetValueOrDefault("query"));
        if (query?.Warnings(context.Path, understood) is { } warning)
        {
            _searchWarnings.Add(warning);
        }

        return query;
    }

    private GraphQLPage ProductVariants(GraphQLResolveContext context)
    {
        var found = VariantsMatching(context);
        if (StringArgument(context, "sortKey") == "SKU")
        {
            found = found.OrderBy(v => v.Sku, StringComparer.Ordinal);
        }

        return GraphQLPage.Of([.. found.Select(v => (GraphQLPage.CursorOf("variant", v.Id), (object?)(Func<object?>)(() => RenderVariant(v))))], context.Arguments);
    }

    private GraphQLPage ProductVariantsOf(GraphQLResolveContext context)
    {
        var productId = ShopifyGid.TryParse((string?)(context.Source as JsonObject)?["id"], "Product", out var id) ? id : 0;
        return GraphQLPage.Of([.. _variants.Where(v => v.ProductId == productId).Select(v => (GraphQLPage.CursorOf("variant", v.Id), (object?)RenderVariant(v)))], context.Arguments);
    }

    private JsonObject? Product(GraphQLResolveContext context) =>
        ShopifyGid.TryParse(StringArgument(context, "id"), "Product", out var id) ? RenderProduct(id) : null;

    private JsonObject? ProductVariant(GraphQLResolveContext context) =>
        ShopifyGid.TryParse(StringArgument(context, "id"), "ProductVariant", out var id) && _variants.Find(v => v.Id == id) is { } variant ? RenderVariant(variant) : null;

    // A reference to a variant or product (a line item's, an inventory item's) answers the whole of it while the shop has it.
    private object? VariantOf(GraphQLResolveContext context) =>
        ShopifyGid.TryParse(ReferenceId(context), "ProductVariant", out var id) && _variants.Find(v => v.Id == id) is { } variant
            ? RenderVariant(variant)
            : (context.Source as JsonObject)?[context.Field.Name];

    private object? ProductOf(GraphQLResolveContext context) =>
        ShopifyGid.TryParse(ReferenceId(context), "Product", out var id) && RenderProduct(id) is { } product
            ? product
            : (context.Source as JsonObject)?[context.Field.Name];

    private JsonObject? InventoryItemOf(GraphQLResolveContext context, string name) =>
        ShopifyGid.TryParse((string?)(context.Source as JsonObject)?[name]?["id"], "InventoryItem", out var id) && _variants.Find(v => v.InventoryItemId == id) is { } variant
            ? RenderInventoryItem(variant)
            : null;

    private JsonObject? InventoryItem(GraphQLResolveContext context) =>
        ShopifyGid.TryParse(StringArgument(context, "id"), "InventoryItem", out var id) && _variants.Find(v => v.InventoryItemId == id) is { } variant ? RenderInventoryItem(variant) : null;

    private GraphQLPage InventoryItems(GraphQLResolveContext context)
    {
        return GraphQLPage.Of([.. VariantsMatching(context).Select(v => (GraphQLPage.CursorOf("inventoryItem", v.InventoryItemId), (object?)(Func<object?>)(() => RenderInventoryItem(v))))], context.Arguments);
    }

    // Both inventory mutations: the quantity name, the reason and each line's item and location, in Shopify's user errors.
    private ShopifyVariant? CheckLine(JsonObject entry, string list, string index, JsonArray errors)
    {
        ShopifyVariant? variant = null;
        if (ShopifyGid.TryParse((string?)entry["inventoryItemId"], "InventoryItem", out var itemId))
        {
            variant = _variants.Find(v => v.InventoryItemId == itemId);
        }

        if (variant is null)
        {
            errors.Add(UserError("The specified inventory item could not be found.", "INVALID_INVENTORY_ITEM", "input", list, index, "inventoryItemId"));
            return null;
        }

        if (!ShopifyGid.TryParse((string?)entry["locationId"], "Location", out var locationId) || locationId != LocationId)
        {
            errors.Add(UserError("The specified location could not be found.", "INVALID_LOCATION", "input", list, index, "locationId"));
            return null;
        }

        return variant;
    }

    private static void CheckNameAndReason(JsonObject? input, JsonArray errors)
    {
        if ((string?)input?["name"] is not "available")
        {
            // Shopify also takes on_hand and other states; the fake keeps only the available quantity, so it refuses them.
            errors.Add(UserError("The quantity name must be either 'available' or 'on_hand'.", "INVALID_NAME", "input", "name"));
        }

        if (!Reasons.Contains((string?)input?["reason"] ?? string.Empty))
        {
            errors.Add(UserError("The specified reason is invalid.", "INVALID_REASON", "input", "reason"));
        }
    }

    private JsonObject SetQuantities(GraphQLResolveContext context, string version)
    {
        var input = context.Arguments.GetValueOrDefault("input") as JsonObject;
        var errors = new JsonArray();
        var changes = new List<(ShopifyVariant Variant, int Quantity)>();
        CheckNameAndReason(input, errors);
        var quantities = input?["quantities"] as JsonArray ?? [];
        for (var i = 0; i < quantities.Count; i++)
        {
            var index = i.ToString(CultureInfo.InvariantCulture);
            var entry = quantities[i] as JsonObject ?? [];
            if (CheckLine(entry, "quantities", index, errors) is not { } variant)
            {
                continue;
            }

            if (entry["quantity"] is not JsonValue q || q.GetValueKind() != JsonValueKind.Number || q.GetValue<int>() < 0)
            {
                errors.Add(UserError("The quantity can't be negative.", "INVALID_QUANTITY_NEGATIVE", "input", "quantities", index, "quantity"));
                continue;
            }

            // From 2026-01 a given changeFromQuantity (null too) decides and overrides the compare fields; from 2026-04
            // it is the only check. Without it, compareQuantity must be given unless ignoreCompareQuantity is true.
            var useChangeFrom = IsAtLeast(version, "2026-04") || (IsAtLeast(version, "2026-01") && entry.ContainsKey("changeFromQuantity"));
            var (compareName, staleCode) = useChangeFrom ? ("changeFromQuantity", "CHANGE_FROM_QUANTITY_STALE") : ("compareQuantity", "COMPARE_QUANTITY_STALE");
            var skip = !useChangeFrom && input?["ignoreCompareQuantity"] is JsonValue ignore && ignore.GetValueKind() == JsonValueKind.True;
            if (!useChangeFrom && !skip && entry["compareQuantity"] is null)
            {
                errors.Add(UserError("The compareQuantity argument must be given to each quantity or ignored using ignoreCompareQuantity.", "COMPARE_QUANTITY_REQUIRED", "input", "quantities", index, compareName));
                continue;
            }

            TryInt(entry[compareName], out var expected);
            if (!skip && expected is { } from && from != variant.Available)
            {
                errors.Add(UserError("The specified compare quantity does not match the current quantity.", staleCode, "input", "quantities", index, compareName));
                continue;
            }

            changes.Add((variant, q.GetValue<int>()));
        }

        return ApplyChanges(input, errors, changes);
    }

    private JsonObject AdjustQuantities(GraphQLResolveContext context, string version)
    {
        var input = context.Arguments.GetValueOrDefault("input") as JsonObject;
        var errors = new JsonArray();
        var changes = new List<(ShopifyVariant Variant, int Quantity)>();
        CheckNameAndReason(input, errors);
        var lines = input?["changes"] as JsonArray ?? [];
        for (var i = 0; i < lines.Count; i++)
        {
            var index = i.ToString(CultureInfo.InvariantCulture);
            var entry = lines[i] as JsonObject ?? [];
            if (CheckLine(entry, "changes", index, errors) is not { } variant)
            {
                continue;
            }

            var already = changes.Where(c => c.Variant == variant).Select(c => c.Quantity).DefaultIfEmpty(variant.Available).Last();
            if (IsAtLeast(version, "2026-04") && TryInt(entry["changeFromQuantity"], out var expected) && expected is { } from && from != already)
            {
                errors.Add(UserError("The specified compare quantity does not match the current quantity.", "CHANGE_FROM_QUANTITY_STALE", "input", "changes", index, "changeFromQuantity"));
                continue;
            }

            changes.Add((variant, already + (int)entry["delta"]!));
        }

        return ApplyChanges(input, errors, changes);
    }

    // Shopify applies all of a mutation's quantities or none.
    private JsonObject ApplyChanges(JsonObject? input, JsonArray errors, List<(ShopifyVariant Variant, int Quantity)> changes)
    {
        if (errors.Count > 0)
        {
            return new JsonObject { ["inventoryAdjustmentGroup"] = null, ["userErrors"] = errors };
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

        return new JsonObject
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
        };
    }

}
