using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using Connect.Sdk.Testing.Fakes.Amazon;
using NodaTime;
using static Connect.Sdk.Testing.Tests.Fakes.Amazon.AmazonTestData;

namespace Connect.Sdk.Testing.Tests.Fakes.Amazon;

public sealed class AmazonSellingPartnerFakeOrderTests() : AmazonFakeTestBase(Start + Duration.FromDays(3))
{
    [Fact]
    public async Task GetOrders_FollowsNextTokenToTheLastPage_EachOrderOnce()
    {
        for (var i = 1; i <= 12; i++)
        {
            Amazon.SeedOrder(Order(i, Start + Duration.FromMinutes(i)));
        }

        var seen = new List<string>();
        var query = $"orders/v0/orders?MarketplaceIds={Marketplace}&LastUpdatedAfter={Iso(Start)}&MaxResultsPerPage=5";
        string? nextToken = null;
        var pages = 0;
        do
        {
            var url = nextToken is null ? query : $"{query}&NextToken={Uri.EscapeDataString(nextToken)}";
            using var response = await Http.GetAsync(new Uri(url, UriKind.Relative));
            var payload = (await JsonOf(response))["payload"]!;
            seen.AddRange(payload["Orders"]!.AsArray().Select(o => (string)o!["AmazonOrderId"]!));
            nextToken = (string?)payload["NextToken"];
            pages++;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        while (nextToken is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(1, 12).Select(OrderId), seen);
    }

    [Fact]
    public async Task GetOrders_CommaListsOfStatuses_FilterByEveryListedValue()
    {
        Amazon.SeedOrder(Order(1, Start + Duration.FromMinutes(1)));
        Amazon.SeedOrder(Order(2, Start + Duration.FromMinutes(2), status: OrderStatus.Shipped));
        Amazon.SeedOrder(Order(3, Start + Duration.FromMinutes(3), status: OrderStatus.Pending));

        var ids = await OrderIdsAsync($"OrderStatuses=Unshipped,Shipped&LastUpdatedAfter={Iso(Start)}");

        Assert.Equal([OrderId(1), OrderId(2)], ids);
    }

    [Fact]
    public async Task GetOrders_AmazonOrderIds_AnswersOnlyThoseOrders()
    {
        for (var i = 1; i <= 3; i++)
        {
            Amazon.SeedOrder(Order(i, Start + Duration.FromMinutes(i)));
        }

        var ids = await OrderIdsAsync($"AmazonOrderIds={OrderId(1)},{OrderId(3)}&LastUpdatedAfter={Iso(Start)}");

        Assert.Equal([OrderId(1), OrderId(3)], ids);
    }

    [Theory]
    [InlineData("BuyerEmail=erika%40example.com&LastUpdatedAfter=2026-11-01T00:00:00Z", "BuyerEmail is a getOrders filter the Amazon fake does not model")]
    [InlineData("CreatedAfter=2026-11-01T00:00:00Z&LastUpdatedAfter=2026-11-01T00:00:00Z", "LastUpdatedAfter cannot be set when CreatedAfter is set")]
    public async Task GetOrders_UnmodelledOrConflictingFilter_Answers400NamingIt(string filters, string message)
    {
        Amazon.SeedOrder(Order(1, Start + Duration.FromMinutes(1)));

        using var response = await Http.GetAsync(new Uri($"orders/v0/orders?MarketplaceIds={Marketplace}&{filters}", UriKind.Relative));
        var error = (await JsonOf(response))["errors"]![0]!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidInput", (string?)error["code"]);
        Assert.StartsWith(message, (string?)error["message"], StringComparison.Ordinal);
        Assert.Equal("ValidationException", response.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Fact]
    public async Task GetOrders_NextTokenSentTwice_AnswersTheSamePageAgain()
    {
        // A client whose answer was lost on the way sends the page's request again.
        for (var i = 1; i <= 7; i++)
        {
            Amazon.SeedOrder(Order(i, Start + Duration.FromMinutes(i)));
        }

        var query = $"orders/v0/orders?MarketplaceIds={Marketplace}&LastUpdatedAfter={Iso(Start)}&MaxResultsPerPage=5";
        using var first = await Http.GetAsync(new Uri(query, UriKind.Relative));
        var next = $"{query}&NextToken={Uri.EscapeDataString((string)(await JsonOf(first))["payload"]!["NextToken"]!)}";

        using var once = await Http.GetAsync(new Uri(next, UriKind.Relative));
        using var again = await Http.GetAsync(new Uri(next, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(
            (await JsonOf(once))["payload"]!["Orders"]!.AsArray().Select(o => (string)o!["AmazonOrderId"]!),
            (await JsonOf(again))["payload"]!["Orders"]!.AsArray().Select(o => (string)o!["AmazonOrderId"]!));
    }

    [Fact]
    public async Task GetOrders_LastUpdatedAfter_ReturnsOrdersChangedAtOrAfterIt()
    {
        for (var i = 0; i < 5; i++)
        {
            Amazon.SeedOrder(Order(i + 1, Start + Duration.FromHours(i)));
        }

        using var response = await Http.GetAsync(new Uri($"orders/v0/orders?MarketplaceIds={Marketplace}&LastUpdatedAfter={Iso(Start + Duration.FromHours(3))}", UriKind.Relative));
        var orders = (await JsonOf(response))["payload"]!["Orders"]!.AsArray();

        Assert.Equal([OrderId(4), OrderId(5)], orders.Select(o => (string)o!["AmazonOrderId"]!));
        Assert.Equal("MFN", (string?)orders[0]!["FulfillmentChannel"]);
        Assert.Equal("Unshipped", (string?)orders[0]!["OrderStatus"]);
        Assert.Null(orders[0]!["BuyerInfo"]);
    }

    [Theory]
    [InlineData("LastUpdatedAfter=2026-11-01T00:00:00Z")]
    [InlineData("MarketplaceIds=A1PN6IFQEWUF5Q")]
    [InlineData("MarketplaceIds=A1PN6IFQEWUF5Q&LastUpdatedAfter=2026-11-01T00:00:00Z&MaxResultsPerPage=101")]
    [InlineData("MarketplaceIds=A1PN6IFQEWUF5Q&LastUpdatedAfter=2026-11-01T00:00:00Z&NextToken=made-up")]
    public async Task GetOrders_InvalidQuery_Answers400InvalidInput(string query)
    {
        using var response = await Http.GetAsync(new Uri($"orders/v0/orders?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidInput", (string?)(await JsonOf(response))["errors"]![0]!["code"]);
        Assert.Equal("0.0167", response.Headers.GetValues("x-amzn-RateLimit-Limit").Single());
    }

    [Theory]
    [InlineData("MarketplaceIds=A1PN6IFQEWUF5Q&MarketplaceIds=A1F83G8C2ARO7P&LastUpdatedAfter=2026-11-01T00:00:00Z", "MarketplaceIds")]
    [InlineData("MarketplaceIds=A1PN6IFQEWUF5Q&LastUpdatedAfter=2026-11-01T00:00:00Z&OrderStatuses=Shipped&OrderStatuses=Unshipped", "OrderStatuses")]
    public async Task GetOrders_RepeatedParameter_Answers400InvalidInputNamingIt(string query, string parameter)
    {
        using var response = await Http.GetAsync(new Uri($"orders/v0/orders?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await JsonOf(response))["errors"]![0]!;
        Assert.Equal("InvalidInput", (string?)error["code"]);
        Assert.Contains(parameter, (string?)error["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetOrders_LastUpdatedBeforeWithinTwoMinutesOfNow_Answers400()
    {
        var before = Iso(Clock.GetCurrentInstant() - Duration.FromMinutes(1));

        using var response = await Http.GetAsync(new Uri($"orders/v0/orders?MarketplaceIds={Marketplace}&LastUpdatedAfter={Iso(Start)}&LastUpdatedBefore={before}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task GetOrder_AnswersThePayload_AndAnUnknownOrderIs404()
    {
        Amazon.SeedOrder(Order(1, Start));

        using var known = await Http.GetAsync(new Uri($"orders/v0/orders/{OrderId(1)}", UriKind.Relative));
        using var unknown = await Http.GetAsync(new Uri("orders/v0/orders/999-0000000-0000000", UriKind.Relative));
        var order = (await JsonOf(known))["payload"]!;

        Assert.Equal(OrderId(1), (string?)order["AmazonOrderId"]);
        Assert.Equal("EUR", (string?)order["OrderTotal"]!["CurrencyCode"]);
        Assert.Equal("28.99", (string?)order["OrderTotal"]!["Amount"]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("0.5", unknown.Headers.GetValues("x-amzn-RateLimit-Limit").Single());
    }

    [Fact]
    public async Task GetOrderItems_ItemPriceIsTheLineTotal_WithSkuQuantityAndItemId()
    {
        Amazon.SeedOrder(Order(1, Start, quantity: 3));

        using var response = await Http.GetAsync(new Uri($"orders/v0/orders/{OrderId(1)}/orderItems", UriKind.Relative));
        var payload = (await JsonOf(response))["payload"]!;
        var item = Assert.Single(payload["OrderItems"]!.AsArray())!;

        Assert.Equal(OrderId(1), (string?)payload["AmazonOrderId"]);
        Assert.Equal("MUG-BLUE", (string?)item["SellerSKU"]);
        Assert.Equal("68828574380001", (string?)item["OrderItemId"]);
        Assert.Equal(3, (int)item["QuantityOrdered"]!);
        Assert.Equal("37.50", (string?)item["ItemPrice"]!["Amount"]);
        Assert.Equal("3.99", (string?)item["ItemTax"]!["Amount"]);
        Assert.Equal("false", (string?)item["IsGift"]);
        Assert.Equal("0.5", response.Headers.GetValues("x-amzn-RateLimit-Limit").Single());
    }

    [Fact]
    public void SeedOrder_FbaLines_MakeAnAfnOrder()
    {
        Amazon.SeedOrder(Order(1, Start, Fba("MUG-RED")));

        Assert.Equal("AFN", (string?)Assert.Single(Amazon.Orders())["FulfillmentChannel"]);
        Assert.Throws<ArgumentException>(() => Amazon.SeedOrder(Order(2, Start, Fbm("NOT-LISTED"))));
    }

    [Fact]
    public async Task ConfirmShipment_PartThenRest_Answers204_AndTheOrderEndsShipped()
    {
        Amazon.SeedOrder(Order(1, Start, quantity: 3));
        var itemId = "68828574380001";

        using var first = await Confirm(OrderId(1), Shipment("DHL", "00340434161094042557", itemId, 1));
        var afterFirst = Amazon.StatusOf(OrderId(1));
        using var second = await Confirm(OrderId(1), Shipment("Other", "TRK-2", itemId, 2, carrierName: "Hermes"));

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Empty(await first.Content.ReadAsStringAsync());
        Assert.Equal("2", first.Headers.GetValues("x-amzn-RateLimit-Limit").Single());
        Assert.Equal(OrderStatus.PartiallyShipped, afterFirst);
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        Assert.Equal(OrderStatus.Shipped, Amazon.StatusOf(OrderId(1)));
        Assert.Equal(
            [new FakeShipmentView("00340434161094042557", "DHL", [new ShippedLine(itemId, 1)]), new FakeShipmentView("TRK-2", "Hermes", [new ShippedLine(itemId, 2)])],
            Amazon.ShipmentsOf(OrderId(1)).Select(s => new FakeShipmentView(s.TrackingNumber, s.Carrier, [.. s.Lines])));
    }

    [Fact]
    public void SeedArticle_ListedSkuAgain_SetsItsQuantity_ButNotAsTheOtherFulfilment()
    {
        Amazon.SeedArticle(Fbm("MUG-BLUE"), 7);

        Assert.Equal(7, Amazon.StockOf(Fbm("MUG-BLUE")));
        Assert.Throws<ArgumentException>(() => Amazon.SeedArticle(Fba("MUG-BLUE"), 1));
        Assert.Equal(7, Amazon.StockOf(Fbm("MUG-BLUE")));
    }

    [Fact]
    public async Task SeedOrder_LineIdThatIsNotNumeric_IsTheOrderItemId_AndShipsUnderIt()
    {
        // OrderItemId is a string in Amazon's models: an ERP ships the line ids it received, whatever they look like.
        Amazon.SeedOrder(Order(1, Start, quantity: 2) with
        {
            Lines = [Order(1, Start).Lines[0] with { LineId = "1001-L1", Quantity = 2 }],
        });

        using var items = await Http.GetAsync(new Uri($"orders/v0/orders/{OrderId(1)}/orderItems", UriKind.Relative));
        using var shipped = await Confirm(OrderId(1), Shipment("DHL", "T1", "1001-L1", 2));

        Assert.Equal("1001-L1", (string?)(await JsonOf(items))["payload"]!["OrderItems"]![0]!["OrderItemId"]);
        Assert.Equal(HttpStatusCode.NoContent, shipped.StatusCode);
        Assert.Equal([new ShippedLine("1001-L1", 2)], Assert.Single(Amazon.ShipmentsOf(OrderId(1))).Lines);
    }

    [Fact]
    public async Task ConfirmShipment_AgainAfterFullyShipped_Answers400_AndRecordsNothing()
    {
        Amazon.SeedOrder(Order(1, Start, quantity: 1));
        using var first = await Confirm(OrderId(1), Shipment("DHL", "T1", "68828574380001", 1));

        using var again = await Confirm(OrderId(1), Shipment("DHL", "T1", "68828574380001", 1));

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Single(Amazon.ShipmentsOf(OrderId(1)));
    }

    [Theory]
    [InlineData("shipDate", "11.02.2022")]
    [InlineData("trackingNumber", null)]
    [InlineData("carrierCode", "Other")]
    public async Task ConfirmShipment_InvalidPackage_Answers400InvalidInput(string field, string? value)
    {
        Amazon.SeedOrder(Order(1, Start));
        var body = Shipment("DHL", "T1", "68828574380001", 1);
        body["packageDetail"]![field] = value;

        using var response = await Confirm(OrderId(1), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidInput", (string?)(await JsonOf(response))["errors"]![0]!["code"]);
        Assert.Empty(Amazon.ShipmentsOf(OrderId(1)));
    }

    [Fact]
    public async Task ConfirmShipment_AfnOrder_Answers400()
    {
        Amazon.SeedOrder(Order(1, Start, Fba("MUG-RED")));

        using var response = await Confirm(OrderId(1), Shipment("DHL", "T1", "68828574380001", 1));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static JsonObject Shipment(string carrierCode, string trackingNumber, string orderItemId, int quantity, string? carrierName = null) => new()
    {
        ["marketplaceId"] = Marketplace,
        ["packageDetail"] = new JsonObject
        {
            ["packageReferenceId"] = "1",
            ["carrierCode"] = carrierCode,
            ["carrierName"] = carrierName,
            ["shippingMethod"] = "Paket",
            ["trackingNumber"] = trackingNumber,
            ["shipDate"] = "2026-11-02T10:00:00.000Z",
            ["orderItems"] = new JsonArray(new JsonObject { ["orderItemId"] = orderItemId, ["quantity"] = quantity }),
        },
    };

    private Task<HttpResponseMessage> Confirm(string orderId, JsonObject body) =>
        Http.PostAsJsonAsync(new Uri($"orders/v0/orders/{orderId}/shipmentConfirmation", UriKind.Relative), body);

    private sealed record FakeShipmentView(string TrackingNumber, string Carrier, ShippedLine[] Lines)
    {
        public bool Equals(FakeShipmentView? other) =>
            other is not null && TrackingNumber == other.TrackingNumber && Carrier == other.Carrier && Lines.SequenceEqual(other.Lines);

        public override int GetHashCode() => HashCode.Combine(TrackingNumber, Carrier, Lines.Length);
    }

    private async Task<List<string>> OrderIdsAsync(string filters)
    {
        using var response = await Http.GetAsync(new Uri($"orders/v0/orders?MarketplaceIds={Marketplace}&{filters}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await JsonOf(response))["payload"]!["Orders"]!.AsArray().Select(o => (string)o!["AmazonOrderId"]!).ToList();
    }
}
