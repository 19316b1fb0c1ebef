using System.Text.Json.Nodes;
using Connect.Sdk.Testing.Faults;
using Connect.Sdk.Testing.Fakes;

namespace Basar.Connector.Fake;

/// <content>Offers: the stock batch with one result per item.</content>
public sealed partial class BasarFake
{
    private FakeResponse UpdateStock(FakeCall request)
    {
        if (ParseBody(request) is not { } body || body["items"] is not JsonArray items)
        {
            return InvalidBody("expected {\"items\": [{\"offerId\", \"quantity\"}]}");
        }

        if (items.Count == 0)
        {
            return Error(400, "invalid_body", "items is empty.");
        }

        if (items.Count > BasarApi.MaxStockBatch)
        {
            return Error(413, "batch_too_large", $"At most {BasarApi.MaxStockBatch} items per request; got {items.Count}.");
        }

        var results = new JsonArray();
        for (var position = 0; position < items.Count; position++)
        {
            var item = items[position] as JsonObject;
            var offer = item?["offerId"] is JsonValue o && o.TryGetValue<string>(out var id) ? id : null;
            var quantity = item?["quantity"] is JsonValue q && q.TryGetValue<int>(out var n) ? n : (int?)null;
            results.Add(offer switch
            {
                null => Failed(string.Empty, "invalid_item", "offerId is missing."),

                // PartialBatchFailure: every second item fails as Basar reports an offer locked by an edit in the portal.
                _ when request.Fault == FaultKind.PartialBatchFailure && position % 2 == 1 =>
                    Failed(offer, "offer_locked", "The offer is being edited in the seller portal; try again later."),
                _ when !_offers.ContainsKey(offer) => Failed(offer, BasarErrorCodes.UnknownOffer, $"No offer {offer} in this shop."),
                _ when quantity is not >= 0 => Failed(offer, "invalid_quantity", "quantity must be a whole number of at least 0."),
                _ => Updated(offer, quantity.Value),
            });
        }

        return Json(200, new JsonObject { ["results"] = results });
    }

    private JsonObject Updated(string offer, int quantity)
    {
        _offers[offer] = quantity;
        return new JsonObject { ["offerId"] = offer, ["status"] = "ok" };
    }

    private static JsonObject Failed(string offer, string code, string message) => new()
    {
        ["offerId"] = offer,
        ["status"] = "failed",
        ["error"] = new JsonObject { ["code"] = code, ["message"] = message },
    };
}
