using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Connect.Sdk.Testing.Fakes.Ebay;
using NodaTime;
using NodaTime.Testing;
using static Connect.Sdk.Testing.Tests.Fakes.Ebay.EbayTestData;

namespace Connect.Sdk.Testing.Tests.Fakes.Ebay;

public sealed class EbayFakeInventoryTests : IAsyncLifetime
{
    private readonly FakeClock _clock = new(Start);
    private EbayFake _ebay = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _ebay = StartEbay(_clock);
        _ebay.SeedArticle(Sku("MUG-BLUE"), 40);
        _ebay.SeedArticle(Sku("MUG-RED"), 15);
        _http = await ClientAsync(_ebay);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _ebay.DisposeAsync();
    }

    [Fact]
    public async Task GetOffers_BySku_AnswersThePublishedOfferWithItsIdListingAndPrice()
    {
        var offers = await _http.GetFromJsonAsync<JsonObject>(new Uri("sell/inventory/v1/offer?sku=MUG-BLUE", UriKind.Relative));
        var offer = offers!["offers"]![0]!;

        Assert.Equal(1, (int)offers["total"]!);
        Assert.Equal(_ebay.OfferIdOf("MUG-BLUE"), (string?)offer["offerId"]);
        Assert.Equal(_ebay.ListingIdOf("MUG-BLUE"), (string?)offer["listing"]!["listingId"]);
        Assert.Equal("19.99", (string?)offer["pricingSummary"]!["price"]!["value"]);
        Assert.Equal("PUBLISHED", (string?)offer["status"]);
    }

    [Fact]
    public async Task BulkUpdate_QuantityAndPrice_AnswersOneResultPerRecord_AndUpdatesTheListings()
    {
        using var response = await BulkUpdate(_http, [QuantityRequest("MUG-BLUE", 7), OfferRequest("MUG-RED", _ebay.OfferIdOf("MUG-RED"), quantity: 3, price: "24.50")]);
        var results = (await JsonOf(response))["responses"]!.AsArray();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal(200, (int)r!["statusCode"]!));
        Assert.Equal(_ebay.OfferIdOf("MUG-RED"), (string?)results[1]!["offerId"]);
        Assert.Equal(7, _ebay.StockOf(Sku("MUG-BLUE")));
        Assert.Equal(3, _ebay.StockOf(Sku("MUG-RED")));
        Assert.Equal(24.50m, _ebay.PriceOf(Sku("MUG-RED"))!.Price.Amount);
    }

    [Fact]
    public async Task BulkUpdate_UnknownSkuAndForeignCurrency_FailAlone_TheOthersAreApplied()
    {
        using var response = await BulkUpdate(_http, [QuantityRequest("NOPE", 1), QuantityRequest("MUG-BLUE", 9), OfferRequest("MUG-RED", _ebay.OfferIdOf("MUG-RED"), price: "20.00", currency: "USD")]);
        var results = (await JsonOf(response))["responses"]!.AsArray();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(404, (int)results[0]!["statusCode"]!);
        Assert.Equal(25702, (int)results[0]!["errors"]![0]!["errorId"]!);
        Assert.Equal(200, (int)results[1]!["statusCode"]!);
        Assert.Equal(400, (int)results[2]!["statusCode"]!);
        Assert.Equal("price.currency", (string?)results[2]!["errors"]![0]!["parameters"]![0]!["name"]);
        Assert.Equal(9, _ebay.StockOf(Sku("MUG-BLUE")));
        Assert.Equal(19.99m, _ebay.PriceOf(Sku("MUG-RED"))!.Price.Amount);
    }

    [Fact]
    public async Task BulkUpdate_26Requests_IsRefusedWhole()
    {
        var requests = new JsonArray([.. Enumerable.Range(0, 26).Select(_ => (JsonNode)QuantityRequest("MUG-BLUE", 1))]);

        using var response = await BulkUpdate(_http, requests);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(40, _ebay.StockOf(Sku("MUG-BLUE")));
    }

    [Fact]
    public async Task BulkUpdate_WithoutJsonContentType_IsRefused()
    {
        using var response = await _http.PostAsync(
            new Uri("sell/inventory/v1/bulk_update_price_quantity", UriKind.Relative),
            new StringContent(new JsonObject { ["requests"] = new JsonArray(QuantityRequest("MUG-BLUE", 1)) }.ToJsonString(), Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(40, _ebay.StockOf(Sku("MUG-BLUE")));
    }

    [Fact]
    public async Task BulkUpdate_ListingAt250RevisionsToday_FailsThatRecordAlone_UntilTheNextPacificDay()
    {
        _ebay.SetRevisionsToday("MUG-RED", EbayFake.RevisionsPerListingPerDay);

        using var limited = await BulkUpdate(_http, [QuantityRequest("MUG-RED", 5), QuantityRequest("MUG-BLUE", 5)]);
        var results = (await JsonOf(limited))["responses"]!.AsArray();
        _clock.Advance(Duration.FromDays(1));
        using var renewed = await ClientAsync(_ebay);
        using var nextDay = await BulkUpdate(renewed, [QuantityRequest("MUG-RED", 5)]);

        Assert.Equal(400, (int)results[0]!["statusCode"]!);
        Assert.Equal(EbayFake.RevisionLimitErrorId, (int)results[0]!["errors"]![0]!["errorId"]!);
        Assert.Equal(200, (int)results[1]!["statusCode"]!);
        Assert.Equal(200, (int)(await JsonOf(nextDay))["responses"]![0]!["statusCode"]!);
        Assert.Equal(5, _ebay.StockOf(Sku("MUG-RED")));
        Assert.Equal(1, _ebay.RevisionsToday("MUG-RED"));
    }

    [Fact]
    public async Task BulkUpdate_UnchangedQuantityAndPrice_SpendsNoRevision()
    {
        using var response = await BulkUpdate(_http, [OfferRequest("MUG-BLUE", _ebay.OfferIdOf("MUG-BLUE"), quantity: 40, price: "19.99")]);

        Assert.Equal(200, (int)(await JsonOf(response))["responses"]![0]!["statusCode"]!);
        Assert.Equal(0, _ebay.RevisionsToday("MUG-BLUE"));
    }

    [Fact]
    public async Task BulkUpdate_OfferQuantityAboveShipToHome_ListsTheSmallerOne()
    {
        using var response = await BulkUpdate(_http, [QuantityRequest("MUG-BLUE", 4)]);
        using var offer = await BulkUpdate(_http, [OfferRequest("MUG-BLUE", _ebay.OfferIdOf("MUG-BLUE"), quantity: 10)]);

        Assert.Equal(4, _ebay.StockOf(Sku("MUG-BLUE")));
    }
}
