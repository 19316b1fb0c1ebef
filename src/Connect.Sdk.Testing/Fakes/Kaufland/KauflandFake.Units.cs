using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connect.Sdk.Testing.Fakes.Kaufland;

/// <summary>The fake's units routes: <c>GET /units</c>, <c>GET /units/{id_unit}</c>, <c>PATCH /units/{id_unit}</c>.</summary>
public sealed partial class KauflandFake
{
    // The most cents listing_price takes per storefront currency: 1 million EUR, 25 million CZK, 4.5 million PLN (UnitPatchRequest).
    private long MaxListingPrice => Currency.Value switch
    {
        "CZK" => 2_500_000_000,
        "PLN" => 450_000_000,
        _ => 100_000_000,
    };

    private void MapUnits()
    {
        Map("units.list", "GET", $"{Api}/units/?", ListUnits);
        Map("units.get", "GET", $"{Api}/units/(?<id>[^/]+)/?", call => WithUnit(call, unit => Json(200, new JsonObject { ["data"] = UnitJson(unit) })));
        Map("units.update", "PATCH", $"{Api}/units/(?<id>[^/]+)/?", call => WithUnit(call, unit => PatchUnit(call, unit)));
    }

    private FakeResponse ListUnits(FakeCall call)
    {
        var pageProblem = PageOf(call, out var limit, out var offset);
        if ((StorefrontProblem(call) ?? pageProblem) is { } problem)
        {
            return problem;
        }

        var units = _units.Where(u => !call.Query.TryGetValue("id_offer", out var offer) || u.IdOffer == offer).ToArray();
        return Json(200, new JsonObject
        {
            ["data"] = new JsonArray([.. units.Skip(offset).Take(limit).Select(u => (JsonNode)UnitJson(u))]),
            ["pagination"] = new JsonObject { ["offset"] = offset, ["limit"] = limit, ["total"] = units.Length },
        });
    }

    private FakeResponse WithUnit(FakeCall call, Func<KauflandUnit, FakeResponse> answer)
    {
        if (StorefrontProblem(call) is { } problem)
        {
            return problem;
        }

        return long.TryParse(call.RouteValues["id"], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && FindUnit(id) is { } unit
            ? answer(unit)
            : Problem(404, "/problems/not-found", $"Unit {call.RouteValues["id"]} not found.");
    }

    private FakeResponse PatchUnit(FakeCall call, KauflandUnit unit)
    {
        JsonObject? body;
        try
        {
            body = JsonNode.Parse(call.Body ?? string.Empty) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null)
        {
            return Problem(400, "/problems/bad-request", "The body is not a JSON object.");
        }

        long? amount = null, listing = null, minimum = null;
        foreach (var (name, node) in body)
        {
            if (name is not ("amount" or "listing_price" or "minimum_price" or "handling_time" or "note" or "status" or "id_shipping_group" or "id_warehouse" or "vat_indicator"))
            {
                return Invalid(name, "This field is not expected.");
            }

            if (name is "amount" or "listing_price" or "minimum_price")
            {
                // Integer cents and pieces: 12.5 or "1250" is refused, as the schema types them integer.
                if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number || !value.TryGetValue<long>(out var number))
                {
                    return Invalid(name, "This value should be of type integer.");
                }

                switch (name)
                {
                    case "amount":
                        amount = number;
                        break;
                    case "listing_price":
                        listing = number;
                        break;
                    default:
                        minimum = number;
                        break;
                }
            }
        }

        if (amount < 0)
        {
            return Invalid("amount", "This value should be greater than or equal to 0.");
        }

        if (listing is { } price && (price < 1 || price > MaxListingPrice))
        {
            return Invalid("listing_price", string.Create(CultureInfo.InvariantCulture, $"This value should be between 1 and {MaxListingPrice}."));
        }

        unit.Amount = amount is { } a ? (int)a : unit.Amount;
        unit.ListingPrice = listing ?? unit.ListingPrice;
        unit.MinimumPrice = minimum ?? unit.MinimumPrice;
        unit.Changed = Clock.GetCurrentInstant();
        return Json(200, new JsonObject { ["data"] = UnitJson(unit) });
    }

    // storefront is a required parameter of the units routes; the fake's seller sells on one.
    private FakeResponse? StorefrontProblem(FakeCall call) =>
        !call.Query.TryGetValue("storefront", out var storefront) ? Invalid("storefront", "This value is required.")
        : storefront != Storefront ? Problem(400, "/problems/storefront-not-configured", $"Storefront {storefront} is not configured for this seller.")
        : null;

    private static FakeResponse? PageOf(FakeCall call, out int limit, out int offset)
    {
        limit = DefaultLimit;
        offset = 0;
        if (call.Query.TryGetValue("limit", out var limitText) && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            return Invalid("limit", "This value should be between 1 and 100.");
        }

        return call.Query.TryGetValue("offset", out var offsetText) && !int.TryParse(offsetText, NumberStyles.None, CultureInfo.InvariantCulture, out offset)
            ? Invalid("offset", "This value should be a non-negative integer.")
            : null;
    }

    private JsonObject UnitJson(KauflandUnit unit) => new()
    {
        ["id_unit"] = unit.IdUnit,
        ["id_offer"] = unit.IdOffer,
        ["id_product"] = unit.IdProduct,
        ["status"] = unit.Amount > 0 ? "AVAILABLE" : "ONHOLD",
        ["condition"] = "NEW",
        ["currency"] = Currency.Value,
        ["storefront"] = Storefront,
        ["amount"] = unit.Amount,
        ["listing_price"] = unit.ListingPrice,
        ["minimum_price"] = unit.MinimumPrice,
        ["price"] = unit.ListingPrice,
        ["note"] = string.Empty,
        ["handling_time"] = 1,
        ["shipping_rate"] = 0,
        ["fulfillment_type"] = "fulfilled_by_merchant",
        ["vat_indicator"] = "standard_rate",
        ["date_inserted_iso"] = Time(unit.Inserted),
        ["date_lastchange_iso"] = Time(unit.Changed),
    };
}
