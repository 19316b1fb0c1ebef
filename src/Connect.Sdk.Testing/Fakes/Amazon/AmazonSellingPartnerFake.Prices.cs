using System.Globalization;
using System.Text.Json.Nodes;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Prices;

namespace Connect.Sdk.Testing.Fakes.Amazon;

/// <content>
/// Offer prices: the <c>purchasable_offer</c> attribute of a listing, one entry per marketplace, currency and audience
/// (its selectors), changed by <c>patchListingsItem</c> and shown by <c>getListingsItem</c> in <c>attributes</c> and
/// <c>offers</c>.
/// </content>
public sealed partial class AmazonSellingPartnerFake : IPriceFake
{
    private const string PurchasableOfferAttribute = "purchasable_offer";
    private const string AllAudience = "ALL";

    // What a listing costs until a patch says otherwise: a price a shop might ask, in the fake marketplace's currency.
    private const decimal SeededPrice = 19.99m;

    /// <summary>
    /// The marketplace whose offer <see cref="PriceOf"/> reads and a seeded listing is priced in:
    /// <see cref="DefaultMarketplaceId"/> (Amazon.de) unless <see cref="Start"/> was told another.
    /// </summary>
    public string PriceMarketplaceId { get; }

    /// <summary>The currency of <see cref="PriceMarketplaceId"/>: EUR for Amazon.de, GBP for Amazon.co.uk, USD for Amazon.com.</summary>
    public CurrencyCode Currency { get; }

    /// <summary>
    /// The basis <c>our_price</c> takes on <see cref="PriceMarketplaceId"/>: <see cref="PriceBasis.Net"/> on Amazon.com,
    /// .ca, .com.mx and .com.br, where sales tax is added at checkout; <see cref="PriceBasis.Gross"/> everywhere else, where
    /// the consumer price includes VAT, GST or consumption tax.
    /// </summary>
    public PriceBasis? Basis => AmazonMarketplaceCurrency.BasisOf(PriceMarketplaceId);

    /// <summary>
    /// The consumer offer (audience <c>ALL</c>) of a SKU on <see cref="PriceMarketplaceId"/>: its <c>our_price</c>. Amazon
    /// has no seller-set struck-through price, so <see cref="FakePrice.CompareAtPrice"/> is always <see langword="null"/>.
    /// </summary>
    /// <param name="foreignNumber">The seller SKU with its label.</param>
    /// <returns>The price; <see langword="null"/> for an unknown SKU, one listed with the other fulfilment, or one without an offer there.</returns>
    public FakePrice? PriceOf(ForeignNumber foreignNumber)
    {
        var (sku, byAmazon) = SkuOf(foreignNumber);
        lock (Gate)
        {
            return _listings.Find(l => l.Sku == sku && l.FulfilledByAmazon == byAmazon) is { } listing
                && ConsumerOffer(listing, PriceMarketplaceId) is { } offer
                && OurPrice(offer) is { } price
                ? new FakePrice(new Money(price, Currency), null)
                : null;
        }
    }

    private static JsonObject? ConsumerOffer(AmazonListing listing, string marketplaceId) =>
        (listing.Attributes[PurchasableOfferAttribute] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(o => (string?)o["marketplace_id"] == marketplaceId && ((string?)o["audience"] ?? AllAudience) == AllAudience);

    private static decimal? OurPrice(JsonObject offer) =>
        offer["our_price"]?[0]?["schedule"]?[0]?["value_with_tax"] is JsonValue value && value.TryGetValue<decimal>(out var price) ? price : null;

    private static JsonArray Offers(AmazonListing listing, IEnumerable<string> marketplaceIds) =>
        new(marketplaceIds
            .SelectMany(m => ((listing.Attributes[PurchasableOfferAttribute] as JsonArray)?.OfType<JsonObject>() ?? []).Where(o => (string?)o["marketplace_id"] == m))
            .Where(o => OurPrice(o) is not null)
            .Select(o => (JsonNode)new JsonObject
            {
                ["marketplaceId"] = (string?)o["marketplace_id"],
                ["offerType"] = (string?)o["audience"] == "B2B" ? "B2B" : "B2C",
                ["price"] = new JsonObject
                {
                    ["currencyCode"] = (string?)o["currency"],
                    ["amount"] = OfferAmount((string)o["currency"]!, OurPrice(o)!.Value),
                },
            })
            .ToArray());

    // The Money of the offers data set: a decimal string in the currency's minor unit, as the model's example "100.00".
    private static string OfferAmount(string currency, decimal amount) =>
        amount.ToString("F" + new CurrencyCode(currency).MinorUnitDecimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static JsonObject OfferJson(string marketplaceId, CurrencyCode currency, decimal price) => new()
    {
        ["marketplace_id"] = marketplaceId,
        ["currency"] = currency.Value,
        ["audience"] = AllAudience,
        ["our_price"] = new JsonArray(new JsonObject { ["schedule"] = new JsonArray(new JsonObject { ["value_with_tax"] = price }) }),
    };

    // A patch of purchasable_offer as the change to apply once the submission is valid, or the issue that makes it invalid.
    // Each value is one offer named by its selectors (marketplace_id, currency, audience, default ALL): merge changes the
    // sub-attributes it names of that offer (or adds it), add and replace set the whole attribute, delete removes the
    // offers its selectors name.
    private static Action? OfferPatchOf(AmazonListing listing, string op, JsonObject patch, string[] marketplaceIds, out JsonObject? issue)
    {
        issue = null;
        var values = (patch["value"] as JsonArray ?? []).ToArray();
        if (values.Length == 0)
        {
            // Amazon deletes an attribute's values by their selectors, never by the attribute's name alone.
            issue = Issue("MISSING_VALUE", $"{PurchasableOfferAttribute}: value must name the offers by their selectors.", PurchasableOfferAttribute);
            return null;
        }

        foreach (var value in values)
        {
            issue = OfferIssue(value as JsonObject, op, marketplaceIds);
            if (issue is not null)
            {
                return null;
            }
        }

        var offers = values.Cast<JsonObject>().ToArray();
        return op switch
        {
            "delete" => () => RemoveOffers(listing, offers),
            "merge" => () => MergeOffers(listing, offers),
            _ => () => listing.Attributes[PurchasableOfferAttribute] = new JsonArray(offers.Select(o => (JsonNode)o.DeepClone()).ToArray()),
        };
    }

    private static JsonObject? OfferIssue(JsonObject? offer, string op, string[] marketplaceIds)
    {
        var marketplaceId = (string?)offer?["marketplace_id"];
        var currency = (string?)offer?["currency"];
        if (offer is null || marketplaceId is null || currency is null)
        {
            return Issue("MISSING_SELECTOR", $"{PurchasableOfferAttribute}: each value needs its selectors marketplace_id and currency.", PurchasableOfferAttribute);
        }

        if (!marketplaceIds.Contains(marketplaceId, StringComparer.Ordinal))
        {
            return Issue("INVALID_MARKETPLACE", $"{PurchasableOfferAttribute}: marketplace_id {marketplaceId} is not one of the request's marketplaceIds.", PurchasableOfferAttribute);
        }

        var sells = AmazonMarketplaceCurrency.Of(marketplaceId);
        if (sells?.Value != currency)
        {
            return Issue("INVALID_CURRENCY", $"{PurchasableOfferAttribute}: currency {currency} is not the currency of marketplace {marketplaceId} ({sells?.Value ?? "unknown to the fake"}).", PurchasableOfferAttribute);
        }

        if ((string?)offer["audience"] is { } audience && audience is not (AllAudience or "B2B"))
        {
            return Issue("INVALID_AUDIENCE", $"{PurchasableOfferAttribute}: audience must be ALL or B2B, not {audience}.", PurchasableOfferAttribute);
        }

        if (op == "delete" || !offer.ContainsKey("our_price"))
        {
            return null;
        }

        return OurPrice(offer) is { } price && price > 0 && decimal.Round(price, sells.Value.MinorUnitDecimals) == price
            ? null
            : Issue("INVALID_PRICE", $"{PurchasableOfferAttribute}: our_price needs schedule[0].value_with_tax, a number above 0 with at most {sells.Value.MinorUnitDecimals} decimals in {currency}.", PurchasableOfferAttribute);
    }

    private static bool SameOffer(JsonObject a, JsonObject b) =>
        (string?)a["marketplace_id"] == (string?)b["marketplace_id"]
        && (string?)a["currency"] == (string?)b["currency"]
        && ((string?)a["audience"] ?? AllAudience) == ((string?)b["audience"] ?? AllAudience);

    private static void MergeOffers(AmazonListing listing, JsonObject[] offers)
    {
        if (listing.Attributes[PurchasableOfferAttribute] is not JsonArray kept)
        {
            kept = [];
            listing.Attributes[PurchasableOfferAttribute] = kept;
        }

        foreach (var offer in offers)
        {
            if (kept.OfType<JsonObject>().FirstOrDefault(k => SameOffer(k, offer)) is { } existing)
            {
                MergeInto(existing, offer);
            }
            else
            {
                kept.Add(offer.DeepClone());
            }
        }
    }

    private static void RemoveOffers(AmazonListing listing, JsonObject[] offers)
    {
        if (listing.Attributes[PurchasableOfferAttribute] is JsonArray kept)
        {
            foreach (var gone in kept.OfType<JsonObject>().Where(k => offers.Any(o => SameOffer(k, o))).ToArray())
            {
                kept.Remove(gone);
            }
        }
    }
}
