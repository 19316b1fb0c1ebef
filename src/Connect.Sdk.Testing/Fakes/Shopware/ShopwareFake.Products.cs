using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Testing.Faults;

namespace Connect.Sdk.Testing.Fakes.Shopware;

/// <content>
/// Products and variants: <c>POST /api/search/product</c> and <c>POST /api/_action/sync</c> (upsert of <c>stock</c>,
/// <c>price</c> with its <c>listPrice</c>), one transaction per request.
/// </content>
public sealed partial class ShopwareFake
{
    // A sync request is one transaction: Shopware's default (and, since 6.5, only) behaviour.
    private const string WriteViolation = "FRAMEWORK__WRITE_CONSTRAINT_VIOLATION";

    /// <summary>
    /// Adds a product with this product number and stock, priced 19.99 gross (16.80 net at 19 %) in the default
    /// currency; seeding a number the shop has sets its stock instead.
    /// </summary>
    /// <param name="foreignNumber">The product number as the foreign number's value (any label).</param>
    /// <param name="stock">The stock.</param>
    public override void SeedArticle(ForeignNumber foreignNumber, int stock)
    {
        var number = ProductNumberOf(foreignNumber);
        lock (Gate)
        {
            if (_products.Find(p => p.ProductNumber == number) is { } known)
            {
                known.Stock = stock;
                known.UpdatedAt = Clock.GetCurrentInstant();
                return;
            }

            _products.Add(NewProduct(number, parentId: null, stock));
        }
    }

    /// <summary>Adds a variant with this product number under a parent product (created on first use), which inherits the parent's price until it has one.</summary>
    /// <param name="foreignNumber">The variant's product number.</param>
    /// <param name="stock">The variant's stock.</param>
    /// <param name="parentNumber">The parent's product number.</param>
    public void SeedVariant(ForeignNumber foreignNumber, int stock, string parentNumber)
    {
        var number = ProductNumberOf(foreignNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(parentNumber);
        lock (Gate)
        {
            var parent = _products.Find(p => p.ProductNumber == parentNumber);
            if (parent is null)
            {
                parent = NewProduct(parentNumber, parentId: null, 0);
                _products.Add(parent);
            }

            _products.Add(NewProduct(number, parent.Id, stock));
        }
    }

    /// <inheritdoc />
    public override int? StockOf(ForeignNumber foreignNumber)
    {
        var number = ProductNumberOf(foreignNumber);
        lock (Gate)
        {
            return _products.Find(p => p.ProductNumber == number)?.Stock;
        }
    }

    /// <summary>
    /// The price the shop shows: gross when <see cref="DisplayGross"/>, else net, with the list price as the compare-at
    /// price; a variant without a price of its own shows its parent's.
    /// </summary>
    /// <param name="foreignNumber">The product number.</param>
    /// <returns>The price, or <see langword="null"/> for an unknown product number.</returns>
    public FakePrice? PriceOf(ForeignNumber foreignNumber)
    {
        var number = ProductNumberOf(foreignNumber);
        lock (Gate)
        {
            if (_products.Find(p => p.ProductNumber == number) is not { } product || EffectivePrice(product) is not { } price)
            {
                return null;
            }

            var shown = DisplayGross ? price.Gross : price.Net;
            var list = DisplayGross ? price.ListGross : price.ListNet;
            return new FakePrice(new Money(shown, Currency), list is { } l ? new Money(l, Currency) : null);
        }
    }

    /// <summary>The product as <c>POST /api/search/product</c> renders it (a copy), or <see langword="null"/>.</summary>
    /// <param name="productNumber">The product number.</param>
    /// <returns>The product.</returns>
    public JsonObject? Product(string productNumber)
    {
        lock (Gate)
        {
            return _products.Find(p => p.ProductNumber == productNumber) is { } product ? Render(product, withTax: true) : null;
        }
    }

    private ShopwarePrice? EffectivePrice(ShopwareProduct product) =>
        product.Price ?? (product.ParentId is { } parent ? _products.Find(p => p.Id == parent)?.Price : null);

    private ShopwareProduct NewProduct(string number, string? parentId, int stock) => new()
    {
        Id = NewId(),
        ParentId = parentId,
        ProductNumber = number,
        Name = "Product " + number,
        Stock = stock,
        Price = parentId is null ? new ShopwarePrice(16.80m, 19.99m, true, null, null) : null,
        CreatedAt = Clock.GetCurrentInstant(),
    };

    private void MapProducts()
    {
        Map("product.search", "POST", "/api/search/product", SearchProducts);
        Map("sync", "POST", "/api/_action/sync", Sync);
    }

    private FakeResponse SearchProducts(FakeCall request)
    {
        var criteria = ReadCriteria(request, out var refusal);
        return criteria is null ? refusal! : SearchResult(request, criteria, _products.Select(p => Render(p, criteria.Wants("tax"))));
    }

    private static JsonObject Render(ShopwareProduct product, bool withTax)
    {
        var json = new JsonObject
        {
            ["id"] = product.Id,
            ["parentId"] = product.ParentId,
            ["productNumber"] = product.ProductNumber,
            ["name"] = product.Name,
            ["stock"] = product.Stock,
            ["availableStock"] = product.Stock,
            ["taxId"] = "f1a5a5e2b6bd4a8d9c1e3f5a7b9d0c2e",
            ["price"] = product.Price is { } price ? new JsonArray(PriceJson(price)) : null,
            ["createdAt"] = Date(product.CreatedAt),
            ["updatedAt"] = product.UpdatedAt is { } updated ? Date(updated) : null,
        };
        if (withTax)
        {
            json["tax"] = new JsonObject { ["id"] = "f1a5a5e2b6bd4a8d9c1e3f5a7b9d0c2e", ["taxRate"] = product.TaxRate, ["name"] = "Standard rate" };
        }

        return json;
    }

    private static JsonObject PriceJson(ShopwarePrice price) => new()
    {
        ["currencyId"] = DefaultCurrencyId,
        ["net"] = price.Net,
        ["gross"] = price.Gross,
        ["linked"] = price.Linked,
        ["listPrice"] = price.ListGross is { } listGross
            ? new JsonObject { ["currencyId"] = DefaultCurrencyId, ["net"] = price.ListNet, ["gross"] = listGross, ["linked"] = price.Linked }
            : null,
    };

    private FakeResponse Sync(FakeCall request)
    {
        _indexingBehaviors.Add(request.Headers.GetValueOrDefault("indexing-behavior") ?? string.Empty);
        JsonNode? body;
        try
        {
            body = string.IsNullOrWhiteSpace(request.Body) ? null : JsonNode.Parse(request.Body);
        }
        catch (JsonException)
        {
            body = null;
        }

        // Operations keyed by a name (6.5+) or, as before, a list whose index is the key.
        var operations = body switch
        {
            JsonObject keyed => keyed.Select(pair => (pair.Key, Operation: pair.Value as JsonObject)).ToList(),
            JsonArray list => list.Select((op, i) => (i.ToString(CultureInfo.InvariantCulture), Operation: op as JsonObject)).ToList(),
            _ => null,
        };
        if (operations is null)
        {
            return Error(400, "FRAMEWORK__INVALID_SYNC_OPERATION", "Bad Request", "The sync request body must be an object of operations.");
        }

        // Everything is validated against copies first: one violation rolls the whole request back.
        var staged = new Dictionary<string, (int Stock, ShopwarePrice? Price)>(StringComparer.Ordinal);
        var errors = new List<JsonObject>();
        var written = new JsonArray();
        foreach (var (key, operation) in operations)
        {
            if (operation is null || (string?)operation["entity"] != "product" || (string?)operation["action"] != "upsert" || operation["payload"] is not JsonArray payload)
            {
                errors.Add(ErrorObject(400, "FRAMEWORK__INVALID_SYNC_OPERATION", $"Operation {key}: the fake models upserts of the entity product only.", $"/{key}"));
                continue;
            }

            for (var i = 0; i < payload.Count; i++)
            {
                StageWrite(payload[i] as JsonObject, $"/{key}/{i}", staged, errors, written, request.Fault == FaultKind.PartialBatchFailure && errors.Count == 0 && i == 0);
            }
        }

        if (errors.Count > 0)
        {
            return Errors(400, errors);
        }

        var now = Clock.GetCurrentInstant();
        foreach (var (id, (stock, price)) in staged)
        {
            var product = _products.Find(p => p.Id == id)!;
            product.Stock = stock;
            product.Price = price;
            product.UpdatedAt = now;
        }

        return Json(200, new JsonObject { ["data"] = new JsonObject { ["product"] = written }, ["notFound"] = new JsonArray(), ["deleted"] = new JsonArray() });
    }

    private void StageWrite(JsonObject? record, string pointer, Dictionary<string, (int Stock, ShopwarePrice? Price)> staged, List<JsonObject> errors, JsonArray written, bool injectFailure)
    {
        var id = (string?)(record?["id"] as JsonValue);
        if (record is null || id is null || !HexId().IsMatch(id))
        {
            errors.Add(ErrorObject(400, "FRAMEWORK__INVALID_UUID", "The id must be a 32-character hexadecimal UUID.", pointer + "/id"));
            return;
        }

        if (_products.Find(p => p.Id == id) is not { } product)
        {
            // An upsert of an unknown id inserts, and a product without number, name, tax and price is refused.
            errors.Add(ErrorObject(400, WriteViolation, "This value should not be blank.", pointer + "/productNumber"));
            return;
        }

        var (stock, price) = staged.TryGetValue(id, out var before) ? before : (product.Stock, product.Price);
        if (injectFailure)
        {
            errors.Add(ErrorObject(400, WriteViolation, "This value should be of type int.", pointer + "/stock"));
            return;
        }

        if (record["stock"] is { } stockNode)
        {
            if (stockNode is not JsonValue value || value.GetValueKind() != JsonValueKind.Number || !value.TryGetValue<int>(out stock))
            {
                errors.Add(ErrorObject(400, WriteViolation, "This value should be of type int.", pointer + "/stock"));
                return;
            }
        }

        if (record["price"] is { } priceNode)
        {
            if (ReadPrice(priceNode, pointer + "/price", errors) is not { } read)
            {
                return;
            }

            price = read;
        }

        staged[id] = (stock, price);
        written.Add(id);
    }

    private static ShopwarePrice? ReadPrice(JsonNode node, string pointer, List<JsonObject> errors)
    {
        if (node is not JsonArray entries)
        {
            errors.Add(ErrorObject(400, WriteViolation, "This value should be of type array.", pointer));
            return null;
        }

        ShopwarePrice? found = null;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i] as JsonObject;
            var at = $"{pointer}/{i}";
            var known = errors.Count;
            if (entry is null || !HexId().IsMatch((string?)(entry["currencyId"] as JsonValue) ?? string.Empty))
            {
                errors.Add(ErrorObject(400, WriteViolation, "This value should not be blank.", at + "/currencyId"));
                return null;
            }

            if (Amount(entry, "net", at, errors) is not { } net || Amount(entry, "gross", at, errors) is not { } gross || entry["linked"] is not JsonValue linked || linked.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                if (errors.Count == known)
                {
                    errors.Add(ErrorObject(400, WriteViolation, "This value should be of type bool.", at + "/linked"));
                }

                return null;
            }

            decimal? listNet = null, listGross = null;
            if (entry["listPrice"] is JsonObject list)
            {
                listNet = Amount(list, "net", at + "/listPrice", errors);
                listGross = Amount(list, "gross", at + "/listPrice", errors);
                if (listNet is null || listGross is null)
                {
                    return null;
                }
            }

            if ((string?)entry["currencyId"] == DefaultCurrencyId)
            {
                found = new ShopwarePrice(net, gross, linked.GetValue<bool>(), listNet, listGross);
            }
        }

        if (found is null)
        {
            errors.Add(ErrorObject(400, "CONTENT__PRODUCT_PRICE_DEFAULT_CURRENCY_MISSING", "No price for default currency defined", pointer));
        }

        return found;
    }

    private static decimal? Amount(JsonObject owner, string field, string pointer, List<JsonObject> errors)
    {
        // Money is a JSON number; a string is refused, as the write layer's type check does.
        if (owner[field] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<decimal>(out var amount))
        {
            return amount;
        }

        errors.Add(ErrorObject(400, WriteViolation, "This value should be of type float.", $"{pointer}/{field}"));
        return null;
    }

    private static JsonObject ErrorObject(int status, string code, string detail, string pointer) => new()
    {
        ["status"] = status.ToString(CultureInfo.InvariantCulture),
        ["code"] = code,
        ["title"] = "Bad Request",
        ["detail"] = detail,
        ["source"] = new JsonObject { ["pointer"] = pointer },
    };

    [GeneratedRegex("^[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex HexId();
}
