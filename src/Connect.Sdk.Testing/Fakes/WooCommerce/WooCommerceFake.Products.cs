using System.Globalization;
using System.Text.Json.Nodes;
using Connect.Sdk.Testing.Faults;

namespace Connect.Sdk.Testing.Fakes.WooCommerce;

/// <content>Products and variations: lookup by SKU, stock and price updates, one by one and in batches.</content>
public sealed partial class WooCommerceFake
{
    private static readonly string[] BatchSectionsNotModelled = ["create", "delete"];

    private void MapProducts()
    {
        Route("products.list", "GET", $"{Api}/products", ListProducts);
        // The products controller finds its object with wc_get_product, which also returns a variation by its id.
        Route("products.get", "GET", $@"{Api}/products/(?<id>\d+)", request => FindAnyProduct(request) is { } p ? Json(200, Render(p)) : ProductNotFound());
        Route("products.update", "PUT", $@"{Api}/products/(?<id>\d+)", request =>
            FindAnyProduct(request) is { } p ? UpdateOne(request, p, Render) : ProductNotFound());
        Route("variations.list", "GET", $@"{Api}/products/(?<pid>\d+)/variations", ListVariations);
        Route("variations.get", "GET", $@"{Api}/products/(?<pid>\d+)/variations/(?<id>\d+)", request =>
            FindVariation(request) is { } v ? Json(200, RenderVariation(v)) : VariationNotFound());
        Route("variations.update", "PUT", $@"{Api}/products/(?<pid>\d+)/variations/(?<id>\d+)", request =>
            FindVariation(request) is { } v ? UpdateOne(request, v, RenderVariation) : VariationNotFound());
        Route("products.batch", "POST", $"{Api}/products/batch", request => Batch(request, parentId: null));
        Route("variations.batch", "POST", $@"{Api}/products/(?<pid>\d+)/variations/batch", request =>
            FindProduct(request, "pid", variation: false) is { Type: "variable" } parent ? Batch(request, parent.Id) : ProductNotFound());
    }

    private static FakeResponse ProductNotFound() => Error(404, "woocommerce_rest_product_invalid_id", "Invalid ID.");

    private static FakeResponse VariationNotFound() => Error(404, "woocommerce_rest_product_variation_invalid_id", "Invalid ID.");

    private FakeResponse ListProducts(FakeCall request)
    {
        if (!TryPage(request, out var page, out var perPage, out var refusal))
        {
            return refusal;
        }

        // A SKU lookup also finds variations (marked by parent_id), so a connector finds either in one call.
        var matches = request.Query.TryGetValue("sku", out var sku)
            ? _products.Where(p => p.Sku == sku).ToList()
            : _products.Where(p => !p.IsVariation).ToList();
        return Paged(request, "products", matches.Select(p => (JsonNode)Render(p)).ToList(), page, perPage);
    }

    private WooProduct? FindAnyProduct(FakeCall request)
    {
        var id = long.Parse(request.RouteValues["id"], CultureInfo.InvariantCulture);
        return _products.Find(p => p.Id == id);
    }

    private WooProduct? FindProduct(FakeCall request, string routeValue, bool variation)
    {
        var id = long.Parse(request.RouteValues[routeValue], CultureInfo.InvariantCulture);
        return _products.Find(p => p.Id == id && p.IsVariation == variation);
    }

    private WooProduct? FindVariation(FakeCall request)
    {
        var parentId = long.Parse(request.RouteValues["pid"], CultureInfo.InvariantCulture);
        return FindProduct(request, "id", variation: true) is { } v && v.ParentId == parentId ? v : null;
    }

    private FakeResponse UpdateOne(FakeCall request, WooProduct product, Func<WooProduct, JsonObject> render)
    {
        if (ParseBody(request) is not { } body)
        {
            return InvalidJson();
        }

        return ApplyChanges(product, body) is { } refusal ? refusal : Json(200, render(product));
    }

    private FakeResponse ListVariations(FakeCall request)
    {
        if (FindProduct(request, "pid", variation: false) is not { } parent)
        {
            // An unknown parent is an invalid product id; a product without variations lists none.
            return ProductNotFound();
        }

        if (!TryPage(request, out var page, out var perPage, out var refusal))
        {
            return refusal;
        }

        var variations = _products.Where(p => p.IsVariation && p.ParentId == parent.Id);
        if (request.Query.TryGetValue("sku", out var sku))
        {
            variations = variations.Where(v => v.Sku == sku);
        }

        return Paged(request, $"products/{parent.Id}/variations", variations.Select(v => (JsonNode)RenderVariation(v)).ToList(), page, perPage);
    }

    private FakeResponse Batch(FakeCall request, long? parentId)
    {
        if (ParseBody(request) is not { } body)
        {
            return InvalidJson();
        }

        var sections = new[] { "create", "update", "delete" };
        var count = sections.Sum(s => body[s] is JsonArray items ? items.Count : 0);
        if (count > BatchLimit)
        {
            // WooCommerce's check_batch_limit answers 413 with this code, not 400.
            return Error(413, "woocommerce_rest_request_entity_too_large", $"Unable to accept more than {BatchLimit} items for this request.");
        }

        // Creating and deleting are WooCommerce's too, but not the fake's: refused before anything is written.
        if (BatchSectionsNotModelled.FirstOrDefault(s => body[s] is JsonArray { Count: > 0 }) is { } unmodelled)
        {
            return NotModelled(unmodelled);
        }

        var response = new JsonObject();
        var position = 0;
        foreach (var section in sections)
        {
            if (body[section] is not JsonArray items)
            {
                continue;
            }

            var results = new JsonArray();
            foreach (var item in items)
            {
                results.Add(BatchItem(item, parentId, request.Fault == FaultKind.PartialBatchFailure && position % 2 == 1));
                position++;
            }

            response[section] = results;
        }

        return Json(200, response);
    }

    private JsonObject BatchItem(JsonNode? item, long? parentId, bool failOnPurpose)
    {
        var id = item is JsonObject o && o["id"] is JsonValue v && v.TryGetValue<long>(out var parsed) ? parsed
            : item is JsonValue raw && raw.TryGetValue<long>(out var plain) ? plain
            : 0;
        static JsonObject Failed(long id, string code, string message, int status) => new()
        {
            ["id"] = id,
            ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["data"] = new JsonObject { ["status"] = status } },
        };

        if (failOnPurpose)
        {
            // PartialBatchFailure: every second record fails the way WooCommerce reports a record it could not save.
            return Failed(id, "woocommerce_rest_product_not_updated", "The product could not be saved.", 500);
        }

        var product = _products.Find(p => p.Id == id && (parentId is null ? !p.IsVariation : p.ParentId == parentId));
        if (product is null)
        {
            return Failed(id, parentId is null ? "woocommerce_rest_product_invalid_id" : "woocommerce_rest_product_variation_invalid_id", "Invalid ID.", 400);
        }

        if (ApplyChanges(product, (JsonObject)item!) is { Body: { } refusal })
        {
            var error = JsonNode.Parse(refusal)!.AsObject();
            return new JsonObject { ["id"] = id, ["error"] = error };
        }

        return parentId is null ? Render(product) : RenderVariation(product);
    }

    private FakeResponse? ApplyChanges(WooProduct product, JsonObject changes)
    {
        // Everything is checked before anything is written, so a refused update leaves the product as it was.
        if (UnmodelledField(changes, product.IsVariation ? UnmodelledVariationFields : UnmodelledProductFields) is { } unmodelled)
        {
            return NotModelled(unmodelled);
        }

        bool? manageStock = null;
        if (changes.ContainsKey("manage_stock"))
        {
            if (!WordPressJsonTypes.TryBoolean(changes["manage_stock"], out var manageValue))
            {
                return InvalidParameter("manage_stock", "manage_stock is not of type boolean.", "rest_invalid_type");
            }

            manageStock = manageValue;
        }

        int? stock = null;
        if (changes.ContainsKey("stock_quantity"))
        {
            // WooCommerce's schema types stock_quantity as integer, so null is refused like any other non-integer.
            if (!WordPressJsonTypes.TryInteger(changes["stock_quantity"], out var stockValue))
            {
                return InvalidParameter("stock_quantity", "stock_quantity is not of type integer.", "rest_invalid_type");
            }

            stock = stockValue;
        }

        if (ReadPrices(changes, out var prices) is { } priceRefusal)
        {
            return priceRefusal;
        }

        ApplyPrices(product, prices);
        product.ManageStock = manageStock ?? product.ManageStock;

        // As in WooCommerce, a quantity only counts where the product manages its stock.
        if (stock is not null && product.ManageStock)
        {
            product.StockQuantity = stock;
        }

        product.Modified = Clock.GetCurrentInstant();
        return null;
    }

    private JsonObject Links(string self, string collection, string? up = null)
    {
        var links = new JsonObject
        {
            ["self"] = new JsonArray(new JsonObject { ["href"] = Href(self) }),
            ["collection"] = new JsonArray(new JsonObject { ["href"] = Href(collection) }),
        };
        if (up is not null)
        {
            links["up"] = new JsonArray(new JsonObject { ["href"] = Href(up) });
        }

        return links;
    }
}
