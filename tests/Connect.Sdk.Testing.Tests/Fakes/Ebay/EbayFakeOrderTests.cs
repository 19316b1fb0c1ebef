using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Connect.Sdk.Orders;
using Connect.Sdk.Testing.Fakes.Ebay;
using NodaTime;
using NodaTime.Testing;
using static Connect.Sdk.Testing.Tests.Fakes.Ebay.EbayTestData;

namespace Connect.Sdk.Testing.Tests.Fakes.Ebay;

public sealed class EbayFakeOrderTests : IAsyncLifetime
{
    private readonly FakeClock _clock = new(Start + Duration.FromDays(1));
    private EbayFake _ebay = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _ebay = StartEbay(_clock);
        _ebay.SeedArticle(Sku("MUG-BLUE"), 40);
        _http = await ClientAsync(_ebay);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _ebay.DisposeAsync();
    }

    [Fact]
    public async Task GetOrders_MoneyIsStringsWithCurrency_LineItemCostIsUnitPriceTimesQuantity()
    {
        _ebay.SeedOrder(Order(1, Start, quantity: 3, unitPrice: 12.50m));

        var page = await _http.GetFromJsonAsync<JsonObject>(new Uri("sell/fulfillment/v1/order", UriKind.Relative));
        var order = page!["orders"]![0]!;
        var line = order["lineItems"]![0]!;

        Assert.Equal("37.50", (string?)line["lineItemCost"]!["value"]);
        Assert.Equal("EUR", (string?)line["lineItemCost"]!["currency"]);
        Assert.Equal("42.40", (string?)line["total"]!["value"]);
        Assert.Equal("42.40", (string?)order["pricingSummary"]!["total"]!["value"]);
        Assert.Equal("NOT_STARTED", (string?)order["orderFulfillmentStatus"]);
    }

    [Fact]
    public async Task GetOrders_LastModifiedFilterAndPaging_AnswerHrefNextTotalAndOffset()
    {
        for (var i = 1; i <= 5; i++)
        {
            _ebay.SeedOrder(Order(i, Start + Duration.FromMinutes(i)));
        }

        var from = EbayTime(Start + Duration.FromMinutes(2));
        var first = await _http.GetFromJsonAsync<JsonObject>(new Uri($"sell/fulfillment/v1/order?filter=lastmodifieddate:%5B{from}..%5D&limit=2", UriKind.Relative));
        var next = new Uri((string)first!["next"]!);
        var second = await _http.GetFromJsonAsync<JsonObject>(next);

        Assert.Equal(4, (int)first["total"]!);
        Assert.Equal(2, (int)first["limit"]!);
        Assert.Equal(0, (int)first["offset"]!);
        Assert.Contains("offset=2", next.Query, StringComparison.Ordinal);
        Assert.Equal(2, (int)second!["offset"]!);
        Assert.Equal(2, second["orders"]!.AsArray().Count);
        Assert.Null(second["next"]);
        Assert.NotNull(second["prev"]);
    }

    [Fact]
    public async Task GetOrders_LastPage_HasNoNext()
    {
        _ebay.SeedOrder(Order(1, Start));

        var page = await _http.GetFromJsonAsync<JsonObject>(new Uri("sell/fulfillment/v1/order?limit=2", UriKind.Relative));

        Assert.Equal(1, (int)page!["total"]!);
        Assert.Null(page["next"]);
        Assert.NotNull(page["href"]);
    }

    [Fact]
    public async Task GetOrders_UnknownFilterOrLimitOver200_Answers400()
    {
        using var filter = await _http.GetAsync(new Uri("sell/fulfillment/v1/order?filter=modified:%5B2026-01-01T00:00:00.000Z..%5D", UriKind.Relative));
        using var limit = await _http.GetAsync(new Uri("sell/fulfillment/v1/order?limit=201", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, filter.StatusCode);
        Assert.Equal("API_FULFILLMENT", (string?)(await JsonOf(filter))["errors"]![0]!["domain"]);
        Assert.Equal(HttpStatusCode.BadRequest, limit.StatusCode);
    }

    [Fact]
    public async Task ShippingFulfillment_PartThenRest_IsInProgressThenFulfilled_WithLocation()
    {
        _ebay.SeedOrder(Order(1, Start, quantity: 3));
        var lineItemId = (string)_ebay.Orders()[0]["lineItems"]![0]!["lineItemId"]!;

        using var part = await Ship(OrderId(1), lineItemId, 1, "00340434161094042557");
        var afterPart = _ebay.StatusOf(OrderId(1));
        using var rest = await Ship(OrderId(1), lineItemId, 2, "00340434161094042558");

        Assert.Equal(HttpStatusCode.Created, part.StatusCode);
        Assert.Contains($"/sell/fulfillment/v1/order/{OrderId(1)}/shipping_fulfillment/", part.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(OrderStatus.PartiallyShipped, afterPart);
        Assert.Equal(OrderStatus.Shipped, _ebay.StatusOf(OrderId(1)));
        Assert.Equal(["00340434161094042557", "00340434161094042558"], _ebay.ShipmentsOf(OrderId(1)).Select(s => s.TrackingNumber));
        Assert.Equal(_clock.GetCurrentInstant(), NodaTime.Text.InstantPattern.ExtendedIso.Parse((string)_ebay.Orders()[0]["lastModifiedDate"]!).Value);
    }

    [Fact]
    public async Task ShippingFulfillment_MoreThanLeftToShip_Answers400_AndShipsNothing()
    {
        _ebay.SeedOrder(Order(1, Start, quantity: 2));
        var lineItemId = (string)_ebay.Orders()[0]["lineItems"]![0]!["lineItemId"]!;

        using var response = await Ship(OrderId(1), lineItemId, 3, "1Z999");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_ebay.ShipmentsOf(OrderId(1)));
    }

    [Fact]
    public async Task GetShippingFulfillments_ListsWhatWasShipped()
    {
        _ebay.SeedOrder(Order(1, Start));
        var lineItemId = (string)_ebay.Orders()[0]["lineItems"]![0]!["lineItemId"]!;
        using var shipped = await Ship(OrderId(1), lineItemId, 2, "1Z999");

        var list = await _http.GetFromJsonAsync<JsonObject>(new Uri($"sell/fulfillment/v1/order/{OrderId(1)}/shipping_fulfillment", UriKind.Relative));

        Assert.Equal(1, (int)list!["total"]!);
        Assert.Equal("1Z999", (string?)list["fulfillments"]![0]!["shipmentTrackingNumber"]);
        Assert.Equal("DHL", (string?)list["fulfillments"]![0]!["shippingCarrierCode"]);
    }

    private Task<HttpResponseMessage> Ship(string orderId, string lineItemId, int quantity, string tracking) =>
        _http.PostAsJsonAsync(new Uri($"sell/fulfillment/v1/order/{orderId}/shipping_fulfillment", UriKind.Relative), new JsonObject
        {
            ["lineItems"] = new JsonArray(new JsonObject { ["lineItemId"] = lineItemId, ["quantity"] = quantity }),
            ["shippedDate"] = EbayTime(_clock.GetCurrentInstant()),
            ["shippingCarrierCode"] = "DHL",
            ["trackingNumber"] = tracking,
        });
}
