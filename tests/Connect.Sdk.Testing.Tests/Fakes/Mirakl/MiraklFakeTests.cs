using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Mirakl;
using NodaTime;
using NodaTime.Testing;

namespace Connect.Sdk.Testing.Tests.Fakes.Mirakl;

/// <summary>The Mirakl fake's routes as a client of Mirakl's seller API sees them, written from the API reference.</summary>
public sealed class MiraklFakeTests : IAsyncLifetime
{
    private const string Key = "mirakl-test-shop-key";
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);
    private readonly FakeClock _clock = new(Start);

    private MiraklFake Fake { get; set; } = null!;

    private HttpClient Http { get; set; } = null!;

    public Task InitializeAsync()
    {
        Fake = MiraklFake.Start(new MiraklCredentials(Key, 2001), new MarketplaceFakeOptions { Clock = _clock });
        Http = new HttpClient { BaseAddress = Fake.BaseAddress };
        Http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", Key);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Fake.DisposeAsync();
    }

    [Fact]
    public async Task Account_WrongKey_Answers401WithMiraklError()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/account");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Key);
        using var plain = new HttpClient { BaseAddress = Fake.BaseAddress };

        using var answer = await plain.SendAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal(401, (int)JsonNode.Parse(await answer.Content.ReadAsStringAsync(CancellationToken.None))!["status"]!);
    }

    [Fact]
    public async Task Account_OtherShopId_Answers403()
    {
        using var answer = await Http.GetAsync(new Uri("api/account?shop_id=9999", UriKind.Relative), CancellationToken.None);

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
    }

    [Fact]
    public async Task Account_RightKeyAndShop_AnswersShopAndCurrency()
    {
        var account = await GetJsonAsync("api/account?shop_id=2001");

        Assert.Equal(2001, (long)account["shop_id"]!);
        Assert.Equal("EUR", (string?)account["currency_iso_code"]);
    }

    [Fact]
    public async Task ListOrders_OffsetAndMax_PagesByCreationWithTotalCount()
    {
        SeedArticle("MUG");
        for (var i = 0; i < 5; i++)
        {
            Fake.SeedOrder(Order($"O-{i}", Start + Duration.FromMinutes(i)));
        }

        var page = await GetJsonAsync("api/orders?offset=2&max=2");

        Assert.Equal(5, (int)page["total_count"]!);
        Assert.Equal(["O-2", "O-3"], page["orders"]!.AsArray().Select(o => (string)o!["order_id"]!));
    }

    [Fact]
    public async Task ListOrders_MaxAbove100_Answers400()
    {
        using var answer = await Http.GetAsync(new Uri("api/orders?max=101", UriKind.Relative), CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
    }

    [Fact]
    public async Task ListOrders_StateAndUpdateDate_FiltersBoth()
    {
        SeedArticle("MUG");
        Fake.SeedOrder(Order("OLD", Start));
        Fake.SeedOrder(Order("NEW", Start + Duration.FromHours(1)));
        Fake.SeedOrderAwaitingAcceptance(Order("WAIT", Start + Duration.FromHours(1)));

        var page = await GetJsonAsync("api/orders?order_state_codes=SHIPPING&start_update_date=2026-03-02T09:30:00Z");

        Assert.Equal(["NEW"], page["orders"]!.AsArray().Select(o => (string)o!["order_id"]!));
    }

    [Fact]
    public async Task Accept_EveryLineAccepted_MovesOrderToShippingAndStampsUpdate()
    {
        SeedArticle("MUG");
        Fake.SeedOrderAwaitingAcceptance(Order("A-1", Start));
        _clock.Advance(Duration.FromMinutes(5));

        using var answer = await PutAsync("api/orders/A-1/accept", """{"order_lines":[{"id":"A-1-1","accepted":true}]}""");

        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Equal(MiraklOrderStates.Shipping, Fake.StateOf("A-1"));
        Assert.Equal("2026-03-02T09:05:00Z", (string?)Fake.Orders()[0]["last_updated_date"]);
    }

    [Fact]
    public async Task Accept_OrderNoLongerWaiting_Answers400()
    {
        SeedArticle("MUG");
        Fake.SeedOrder(Order("A-2", Start));

        using var answer = await PutAsync("api/orders/A-2/accept", """{"order_lines":[{"id":"A-2-1","accepted":true}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
    }

    [Fact]
    public async Task Accept_LineLeftOut_Answers400AndDecidesNothing()
    {
        SeedArticle("MUG");
        Fake.SeedOrderAwaitingAcceptance(Order("A-3", Start, lines: 2));

        using var answer = await PutAsync("api/orders/A-3/accept", """{"order_lines":[{"id":"A-3-1","accepted":true}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal(MiraklOrderStates.WaitingAcceptance, Fake.StateOf("A-3"));
    }

    [Fact]
    public async Task Accept_EveryLineRefused_MovesOrderToRefused()
    {
        SeedArticle("MUG");
        Fake.SeedOrderAwaitingAcceptance(Order("A-4", Start));

        using var answer = await PutAsync("api/orders/A-4/accept", """{"order_lines":[{"id":"A-4-1","accepted":false}]}""");

        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Equal(OrderStatus.Cancelled, Fake.StatusOf("A-4"));
    }

    [Fact]
    public async Task TrackingThenShip_ShippingOrder_IsShippedWithTracking()
    {
        SeedArticle("MUG");
        Fake.SeedOrder(Order("S-1", Start));

        using var tracked = await PutAsync("api/orders/S-1/tracking", """{"carrier_name":"DHL","tracking_number":"TRACK-1"}""");
        var afterTracking = Fake.StatusOf("S-1");
        using var shipped = await PutAsync("api/orders/S-1/ship", string.Empty);

        Assert.Equal(HttpStatusCode.NoContent, tracked.StatusCode);
        Assert.Equal(OrderStatus.PartiallyShipped, afterTracking);
        Assert.Equal(HttpStatusCode.NoContent, shipped.StatusCode);
        Assert.Equal(OrderStatus.Shipped, Fake.StatusOf("S-1"));
        Assert.Equal("TRACK-1", Assert.Single(Fake.ShipmentsOf("S-1")).TrackingNumber);
    }

    [Fact]
    public async Task Ship_OrderWaitingAcceptance_Answers400()
    {
        SeedArticle("MUG");
        Fake.SeedOrderAwaitingAcceptance(Order("S-2", Start));

        using var answer = await PutAsync("api/orders/S-2/ship", string.Empty);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
    }

    [Fact]
    public async Task StockImport_UnknownSkuOnOneLine_OthersAppliedAndErrorReportNamesTheLine()
    {
        SeedArticle("MUG");
        SeedArticle("TOWEL");

        var id = await UploadAsync("api/offers/stock/imports", "\"offer-sku\";\"quantity\"\n\"MUG\";\"7\"\n\"GHOST\";\"3\"\n\"TOWEL\";\"0\"\n");
        var status = await GetJsonAsync($"api/offers/stock/imports/{id}/status");
        using var report = await Http.GetAsync(new Uri($"api/offers/stock/imports/{id}/error_report", UriKind.Relative), CancellationToken.None);
        var lines = (await report.Content.ReadAsStringAsync(CancellationToken.None)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("COMPLETE", (string?)status["status"]);
        Assert.Equal(1, (int)status["lines_in_error"]!);
        Assert.Equal(7, Fake.StockOf(Shop("MUG")));
        Assert.Equal(0, Fake.StockOf(Shop("TOWEL")));
        Assert.StartsWith("\"3\";", lines[1], StringComparison.Ordinal);
        Assert.Contains("GHOST", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task StockImport_ProcessingTime_WaitsUntilDue()
    {
        SeedArticle("MUG");
        Fake.ImportProcessingTime = Duration.FromSeconds(30);

        var id = await UploadAsync("api/offers/stock/imports", "\"offer-sku\";\"quantity\"\n\"MUG\";\"7\"\n");
        var waiting = await GetJsonAsync($"api/offers/stock/imports/{id}/status");
        var stockBefore = Fake.StockOf(Shop("MUG"));
        _clock.Advance(Duration.FromSeconds(30));
        var done = await GetJsonAsync($"api/offers/stock/imports/{id}/status");

        Assert.Equal("WAITING", (string?)waiting["status"]);
        Assert.Equal(1, stockBefore);
        Assert.Equal("COMPLETE", (string?)done["status"]);
        Assert.Equal(7, Fake.StockOf(Shop("MUG")));
    }

    [Fact]
    public async Task PriceImport_PriceAndDiscount_PriceOfShowsDiscountWithCompareAt()
    {
        SeedArticle("MUG");

        var id = await UploadAsync("api/offers/pricing/imports", "\"offer-sku\";\"price\";\"discount-price\"\n\"MUG\";\"24.90\";\"19.90\"\n");
        var status = await GetJsonAsync($"api/offers/pricing/imports?import_id={id}");

        Assert.Equal("COMPLETE", (string?)status["data"]![0]!["status"]);
        Assert.Equal(new FakePrice(new Money(19.90m, CurrencyCode.Eur), new Money(24.90m, CurrencyCode.Eur)), Fake.PriceOf(Shop("MUG")));
    }

    private static ForeignNumber Shop(string sku) => new(ForeignNumberLabel.MiraklShopSku, sku);

    private static MarketplaceOrder Order(string id, Instant at, int lines = 1) => new()
    {
        OrderNumber = id,
        MarketplaceOrderId = "C" + id,
        CreatedAt = at,
        UpdatedAt = at,
        Currency = CurrencyCode.Eur,
        Status = OrderStatus.Open,
        Lines = [.. Enumerable.Range(1, lines).Select(i => new OrderLine
        {
            LineId = $"{id}-{i}",
            ForeignNumber = Shop("MUG"),
            Title = "Mug",
            Quantity = 1,
            UnitPrice = new Money(12.99m, CurrencyCode.Eur),
            TaxRate = 0.19m,
        })],
        ShippingCost = new Money(4.90m, CurrencyCode.Eur),
        ShippingAddress = new Address { Name = "Max Mustermann", Street = "Am Hafen 3", PostalCode = "20457", City = "Hamburg", CountryCode = "DE" },
    };

    private void SeedArticle(string sku) => Fake.SeedArticle(Shop(sku), 1);

    private async Task<JsonObject> GetJsonAsync(string path)
    {
        using var answer = await Http.GetAsync(new Uri(path, UriKind.Relative), CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return JsonNode.Parse(await answer.Content.ReadAsStringAsync(CancellationToken.None))!.AsObject();
    }

    private async Task<HttpResponseMessage> PutAsync(string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        return await Http.PutAsync(new Uri(path, UriKind.Relative), content, CancellationToken.None);
    }

    private async Task<string> UploadAsync(string path, string csv)
    {
        using var form = new MultipartFormDataContent();
        var file = new StringContent(csv, Encoding.UTF8);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "import.csv");
        using var answer = await Http.PostAsync(new Uri(path, UriKind.Relative), form, CancellationToken.None);
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        return (string)JsonNode.Parse(await answer.Content.ReadAsStringAsync(CancellationToken.None))!["import_id"]!;
    }
}
