using System.Net;
using System.Text.Json.Nodes;
using Connect.Sdk.Prices;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Amazon;
using static Connect.Sdk.Testing.Tests.Fakes.Amazon.AmazonTestData;

namespace Connect.Sdk.Testing.Tests.Fakes.Amazon;

/// <summary>The fake's offer prices: purchasable_offer patches by their selectors, the currency of the marketplace, and what PriceOf reads.</summary>
public sealed class AmazonSellingPartnerFakePriceTests() : AmazonFakeTestBase(Start)
{
    [Fact]
    public void PriceOf_SeededListings_AreOfferedAt1999InEuroOnAmazonDe_FbaToo()
    {
        Assert.Equal(CurrencyCode.Eur, Amazon.Currency);
        Assert.Equal(AmazonSellingPartnerFake.DefaultMarketplaceId, Amazon.PriceMarketplaceId);
        Assert.Equal(new FakePrice(new Money(19.99m, CurrencyCode.Eur), null), Amazon.PriceOf(Fbm("MUG-BLUE")));
        Assert.Equal(new FakePrice(new Money(19.99m, CurrencyCode.Eur), null), Amazon.PriceOf(Fba("MUG-RED")));
        Assert.Null(Amazon.PriceOf(Fba("MUG-BLUE")));
    }

    [Fact]
    public async Task MergeOurPrice_ChangesOnlyTheConsumerOffer_BusinessOfferKept()
    {
        using var business = await Patch("MUG-BLUE", OfferPatch("merge", Offer("EUR", 18.00m, "B2B")));
        using var consumer = await Patch("MUG-BLUE", OfferPatch("merge", Offer("EUR", 24.90m)));

        Assert.Equal("ACCEPTED", (string?)(await JsonOf(consumer))["status"]);
        Assert.Equal(new Money(24.90m, CurrencyCode.Eur), Amazon.PriceOf(Fbm("MUG-BLUE"))!.Price);
        using var read = await Http.GetAsync(new Uri($"listings/2021-08-01/items/{SellerId}/MUG-BLUE?marketplaceIds={Marketplace}&includedData=offers", UriKind.Relative));
        Assert.Equal(
            """[{"marketplaceId":"A1PN6IFQEWUF5Q","offerType":"B2C","price":{"currencyCode":"EUR","amount":"24.90"}},"""
            + """{"marketplaceId":"A1PN6IFQEWUF5Q","offerType":"B2B","price":{"currencyCode":"EUR","amount":"18.00"}}]""",
            (await JsonOf(read))["offers"]!.ToJsonString());
    }

    [Theory]
    [InlineData("GBP", "19.99", "INVALID_CURRENCY")]
    [InlineData("EUR", "19.999", "INVALID_PRICE")]
    [InlineData("EUR", "0", "INVALID_PRICE")]
    public async Task PatchOffer_NotAPriceTheMarketplaceTakes_AnswersInvalid_AndThePriceStays(string currency, string price, string code)
    {
        using var response = await Patch("MUG-BLUE", OfferPatch("merge", Offer(currency, decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture))));
        var body = await JsonOf(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("INVALID", (string?)body["status"]);
        Assert.Equal(code, (string?)body["issues"]![0]!["code"]);
        Assert.Equal("purchasable_offer", (string?)body["issues"]![0]!["attributeNames"]![0]);
        Assert.Equal(new Money(19.99m, CurrencyCode.Eur), Amazon.PriceOf(Fbm("MUG-BLUE"))!.Price);
    }

    [Fact]
    public async Task PatchOffer_MarketplaceNotInTheRequest_AnswersInvalid()
    {
        var offer = Offer("GBP", 15.00m);
        offer["marketplace_id"] = "A1F83G8C2ARO7P";

        using var response = await Patch("MUG-BLUE", OfferPatch("merge", offer));

        Assert.Equal("INVALID_MARKETPLACE", (string?)(await JsonOf(response))["issues"]![0]!["code"]);
    }

    [Fact]
    public async Task DeleteOffer_BySelectors_LeavesNoPrice()
    {
        var selectors = new JsonObject { ["marketplace_id"] = Marketplace, ["currency"] = "EUR", ["audience"] = "ALL" };

        using var response = await Patch("MUG-BLUE", OfferPatch("delete", selectors));

        Assert.Equal("ACCEPTED", (string?)(await JsonOf(response))["status"]);
        Assert.Null(Amazon.PriceOf(Fbm("MUG-BLUE")));
    }

    [Fact]
    public async Task Start_OnAmazonUk_SellsInPounds()
    {
        await using var uk = AmazonSellingPartnerFake.Start(Credentials, marketplaceId: "A1F83G8C2ARO7P");
        uk.SeedArticle(Fbm("MUG-BLUE"), 1);

        Assert.Equal(new CurrencyCode("GBP"), uk.Currency);
        Assert.Equal(new Money(19.99m, new CurrencyCode("GBP")), uk.PriceOf(Fbm("MUG-BLUE"))!.Price);
        Assert.Throws<ArgumentException>(() => AmazonSellingPartnerFake.Start(Credentials, marketplaceId: "A0UNKNOWN"));
    }

    [Theory]
    [InlineData(AmazonSellingPartnerFake.DefaultMarketplaceId, PriceBasis.Gross)]
    [InlineData("A1F83G8C2ARO7P", PriceBasis.Gross)]
    [InlineData("A1VC38T7YXB528", PriceBasis.Gross)]
    [InlineData("ATVPDKIKX0DER", PriceBasis.Net)]
    [InlineData("A2EUQ1WTGCTBG2", PriceBasis.Net)]
    public async Task Basis_OfTheFakesMarketplace_GrossWhereVatIsInTheConsumerPriceNetWhereSalesTaxComesAtCheckout(string marketplaceId, PriceBasis basis)
    {
        await using var fake = AmazonSellingPartnerFake.Start(Credentials, marketplaceId: marketplaceId);

        Assert.Equal(basis, fake.Basis);
    }

    private static JsonObject Offer(string currency, decimal price, string audience = "ALL") => new()
    {
        ["marketplace_id"] = Marketplace,
        ["currency"] = currency,
        ["audience"] = audience,
        ["our_price"] = new JsonArray(new JsonObject { ["schedule"] = new JsonArray(new JsonObject { ["value_with_tax"] = price }) }),
    };

    private static JsonObject OfferPatch(string op, JsonObject offer) => new()
    {
        ["productType"] = "PRODUCT",
        ["patches"] = new JsonArray(new JsonObject { ["op"] = op, ["path"] = "/attributes/purchasable_offer", ["value"] = new JsonArray(offer) }),
    };
}
