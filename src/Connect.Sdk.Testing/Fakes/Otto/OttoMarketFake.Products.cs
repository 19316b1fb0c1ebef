using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connect.Sdk.Testing.Fakes.Otto;

/// <content>Availability v1 quantities and Products v4 prices, each a batch of SKUs.</content>
public sealed partial class OttoMarketFake
{
    /// <summary>
    /// <c>POST /v1/availability/quantities</c> with <c>[{"sku","quantity"}]</c> (AvailableQuantityRequestDTO), at most
    /// 200 (more is 413). A quantity must be a whole number of at least 0 (400 naming its path). Known SKUs are set; when
    /// some SKUs are unknown the answer is 207 with the multi-status shape of the model
    /// (<c>{type, title, status, validationErrors[{sku, message}]}</c>, the entries' fields a conservative reading), the
    /// known ones set all the same.
    /// </summary>
    private FakeResponse UpdateQuantities(FakeCall request)
    {
        if (ParseBody(request) is not JsonArray items)
        {
            return Errors(400, "INVALID_REQUEST_PARAMETER", "", "The body must be a JSON array of {sku, quantity}.");
        }

        if (items.Count > QuantityBatchLimit)
        {
            return Errors(413, "PAYLOAD_TOO_LARGE", "", $"At most {QuantityBatchLimit} SKUs per request.");
        }

        var updates = new List<(string Sku, int Quantity)>();
        for (var i = 0; i < items.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"[{i}]");
            var item = items[i] as JsonObject;
            var sku = item?["sku"] is JsonValue s && s.TryGetValue<string>(out var text) ? text : null;
            var quantity = item?["quantity"] is JsonValue q && q.GetValueKind() == JsonValueKind.Number && q.TryGetValue<int>(out var whole) ? whole : (int?)null;
            if (string.IsNullOrEmpty(sku))
            {
                return Errors(400, "INVALID_REQUEST_PARAMETER", path + ".sku", "must not be empty");
            }

            if (quantity is not { } level || level < 0)
            {
                return Errors(400, "INVALID_REQUEST_PARAMETER", path + ".quantity", "must be a whole number >= 0");
            }

            updates.Add((sku, level));
        }

        var unknown = new JsonArray();
        foreach (var (sku, quantity) in updates)
        {
            if (_stock.ContainsKey(sku))
            {
                _stock[sku] = quantity;
            }
            else
            {
                unknown.Add(new JsonObject { ["sku"] = sku, ["message"] = "SKU not found" });
            }
        }

        return unknown.Count == 0
            ? Json(200, new JsonObject())
            : Json(207, new JsonObject { ["type"] = request.Path, ["title"] = "Some SKUs are unknown", ["status"] = 207, ["validationErrors"] = unknown });
    }

    /// <summary>
    /// <c>POST /v4/products/prices</c> with <c>[{"sku","standardPrice":{amount,currency},"msrp"?}]</c>, at most 500, gross
    /// in EUR. OTTO processes it later and answers 202 with a process link; the fake applies the prices at once. A price
    /// in another currency, negative or with more than 2 decimals is 400 naming its path and nothing is written; an
    /// unknown SKU is 400 too (OTTO reports it in the process's failed list, which the fake does not model).
    /// </summary>
    private FakeResponse UpdatePrices(FakeCall request)
    {
        if (ParseBody(request) is not JsonArray items)
        {
            return Errors(400, "INVALID_REQUEST_PARAMETER", "", "The body must be a JSON array of {sku, standardPrice}.");
        }

        if (items.Count > PriceBatchLimit)
        {
            return Errors(413, "PAYLOAD_TOO_LARGE", "", $"At most {PriceBatchLimit} prices per request.");
        }

        var updates = new List<(string Sku, FakePrice Price)>();
        for (var i = 0; i < items.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"[{i}]");
            var item = items[i] as JsonObject;
            var sku = item?["sku"] is JsonValue s && s.TryGetValue<string>(out var text) ? text : null;
            if (string.IsNullOrEmpty(sku) || !_stock.ContainsKey(sku))
            {
                return Errors(400, "INVALID_REQUEST_PARAMETER", path + ".sku", sku is null ? "must not be empty" : $"unknown SKU {sku}");
            }

            if (ReadAmount(item!["standardPrice"], path + ".standardPrice", out var price) is { } priceError)
            {
                return priceError;
            }

            Money? msrp = null;
            if (item["msrp"] is not null)
            {
                if (ReadAmount(item["msrp"], path + ".msrp", out var compareAt) is { } msrpError)
                {
                    return msrpError;
                }

                msrp = compareAt;
            }

            updates.Add((sku, new FakePrice(price, msrp)));
        }

        foreach (var (sku, price) in updates)
        {
            _prices[sku] = price;
        }

        var process = Guid.NewGuid().ToString();
        return Json(202, new JsonObject
        {
            ["state"] = "pending",
            ["links"] = new JsonArray(new JsonObject { ["rel"] = "self", ["href"] = "/v4/products/update-tasks/" + process }),
        });
    }

    private static FakeResponse? ReadAmount(JsonNode? node, string path, out Money money)
    {
        money = default;
        var amount = node?["amount"] is JsonValue a && a.GetValueKind() == JsonValueKind.Number && a.TryGetValue<decimal>(out var value) ? value : (decimal?)null;
        var currency = node?["currency"] is JsonValue c && c.TryGetValue<string>(out var code) ? code : null;
        if (amount is not { } exact || exact < 0 || decimal.Round(exact, 2) != exact)
        {
            return Errors(400, "INVALID_REQUEST_PARAMETER", path + ".amount", "must be a number >= 0 with at most 2 decimals");
        }

        if (currency != "EUR")
        {
            return Errors(400, "INVALID_REQUEST_PARAMETER", path + ".currency", "must be EUR");
        }

        money = new Money(exact, CurrencyCode.Eur);
        return null;
    }
}
