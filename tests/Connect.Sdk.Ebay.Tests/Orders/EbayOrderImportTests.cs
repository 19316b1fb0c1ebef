using Connect.Sdk.Connectors;
using Connect.Sdk.Ebay.Orders;
using Connect.Sdk.Ebay.Tests.TestSupport;
using Connect.Sdk.Features;
using Connect.Sdk.Journal;
using Connect.Sdk.Orders;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Ebay;
using Connect.Sdk.Testing.Hosting;
using NodaTime;
using NodaTime.Testing;
using static Connect.Sdk.Ebay.Tests.TestSupport.EbayTestSeller;

namespace Connect.Sdk.Ebay.Tests.Orders;

public sealed class EbayOrderImportTests
{
    [Fact]
    public async Task Import_MoneyAsStringsWithCurrency_ReadExactly()
    {
        await using var seller = await StartAsync(features: [FeatureKind.Orders]);
        await seller.MapArticleAsync(1, 5, 5);
        seller.SeedOrder("12-00001-00007", quantity: 3);

        await seller.Host.RunDueAsync();

        var order = Assert.Single(seller.Host.Orders.Orders).Order;
        Assert.Equal(12.50m, order.Lines[0].UnitPrice.Amount);
        Assert.Equal(4.90m, order.ShippingCost.Amount);
        Assert.Equal(42.40m, order.Total!.Value.Amount);
        Assert.Equal(5.99m, order.Lines[0].TaxAmount!.Value.Amount);
        Assert.True(order.PricesIncludeTax);
    }

    [Fact]
    public async Task Import_PromotionAndShippingDiscount_ImportsWithAmountsAfterDiscounts()
    {
        await using var seller = await StartAsync(features: [FeatureKind.Orders]);
        await seller.MapArticleAsync(1, 5, 5);
        seller.SeedOrder("12-00001-00007", quantity: 2, order => order with
        {
            // 25.00 before a 2.50 promotion; 4.90 shipping made free.
            Lines = [order.Lines[0] with { UnitPrice = new Money(11.25m, CurrencyCode.Eur), Discount = new Money(2.50m, CurrencyCode.Eur) }],
            ShippingCost = new Money(0m, CurrencyCode.Eur),
            ShippingDiscount = new Money(4.90m, CurrencyCode.Eur),
        });

        await seller.Host.RunDueAsync();

        var order = Assert.Single(seller.Host.Orders.Orders).Order;
        Assert.Equal(11.25m, order.Lines[0].UnitPrice.Amount);
        Assert.Equal(2.50m, order.Lines[0].Discount!.Value.Amount);
        Assert.Equal(0.00m, order.ShippingCost.Amount);
        Assert.Equal(4.90m, order.ShippingDiscount!.Value.Amount);
        Assert.Equal(22.50m, order.Total!.Value.Amount);
        var rendered = Assert.Single(seller.Fake.Orders());
        Assert.Equal("25.00", (string?)rendered["lineItems"]![0]!["lineItemCost"]!["value"]);
        Assert.Equal("4.90", (string?)rendered["pricingSummary"]!["deliveryCost"]!["value"]);
    }

    [Fact]
    public async Task Import_SimpleListingAndVariation_ResolveByListingIdAndBySku_WithTheSdksOwnRules()
    {
        await using var seller = await StartAsync(features: [FeatureKind.Orders]);
        await seller.MapArticleAsync(1, 5, 5);
        await seller.MapVariantAsync(2, "110553999001", 5, 5);
        seller.SeedOrder("12-00001-00007", change: order => order with
        {
            Lines = [order.Lines[0], order.Lines[0] with { LineId = "1200001000702", ForeignNumber = Sku(2) }],
            Total = null,
        });

        await seller.Host.RunDueAsync();

        var handOver = Assert.Single(seller.Host.Orders.Orders);
        Assert.Equal(Listing(1), handOver.Order.Lines[0].ForeignNumber);
        Assert.Equal(Sku(2), handOver.Order.Lines[1].ForeignNumber);
        Assert.Equal(Article(1), handOver.ArticleNumbersByLineId[handOver.Order.Lines[0].LineId]);
        Assert.Equal(Article(2), handOver.ArticleNumbersByLineId["1200001000702"]);
    }

    [Fact]
    public async Task Import_OrderWithASpecialFee_AsksForTheTaxBreakdown_AndImportsTheFee()
    {
        await using var seller = await StartAsync(features: [FeatureKind.Orders]);
        await seller.MapArticleAsync(1, 5, 5);
        seller.SeedOrder("12-00001-00007", change: order => order with { Fees = [new OrderFee { Title = "Recycling fee", Amount = new Money(2.00m, CurrencyCode.Eur) }] });

        await seller.Host.RunDueAsync();

        var order = Assert.Single(seller.Host.Orders.Orders).Order;
        Assert.Equal(2.00m, Assert.Single(order.Fees).Amount.Amount);
        Assert.Equal(19.40m, order.Total!.Value.Amount);
    }

    [Fact]
    public async Task Import_OrderWithACredit_ImportsTheCreditAsANegativeFee_TotalChecked()
    {
        await using var seller = await StartAsync(features: [FeatureKind.Orders]);
        await seller.MapArticleAsync(1, 5, 5);
        seller.SeedOrder("12-00001-00007", change: order => order with { Fees = [new OrderFee { Title = "Goodwill credit", Amount = new Money(-3.00m, CurrencyCode.Eur) }] });

        await seller.Host.RunDueAsync();

        var order = Assert.Single(seller.Host.Orders.Orders).Order;
        Assert.Equal(-3.00m, Assert.Single(order.Fees).Amount.Amount);
        Assert.Equal(14.40m, order.Total!.Value.Amount);
        var pricing = Assert.Single(seller.Fake.Orders())["pricingSummary"]!;
        Assert.Equal("-3.00", (string?)pricing["adjustment"]!["value"]);
        Assert.Null(pricing["fee"]);
    }

    [Theory]
    [InlineData("12,50", "lineItems[0].lineItemCost.value '12,50' is not a decimal amount")]
    [InlineData("12.505", "lineItems[0].lineItemCost.value '12.505' has more decimals than EUR has")]
    public async Task Import_LineCostNotExact_HoldsThatOrderNamingTheField_AndImportsTheOthers(string value, string expected)
    {
        await using var seller = await StartAsync(features: [FeatureKind.Orders]);
        await seller.MapArticleAsync(1, 5, 5);
        seller.SeedOrder("12-00001-00007");
        seller.SeedOrder("12-00002-00014");
        seller.Fake.ChangeOrder("12-00002-00014", order => order["lineItems"]![0]!["lineItemCost"]!["value"] = value);

        await seller.Host.RunDueAsync();

        Assert.Equal(["12-00001-00007"], seller.Host.Orders.Orders.Select(o => o.Order.OrderNumber));
        var held = await seller.JournalAsync(RecordKind.Order, "12-00002-00014");
        Assert.Equal(JournalStatus.Failed, held.Status);
        Assert.Contains("eBay order 12-00002-00014", held.Message, StringComparison.Ordinal);
        Assert.Contains(expected, held.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_AmountInAnotherCurrency_HoldsTheOrder()
    {
        await using var seller = await StartAsync(features: [FeatureKind.Orders]);
        await seller.MapArticleAsync(1, 5, 5);
        seller.SeedOrder("12-00001-00007");
        seller.Fake.ChangeOrder("12-00001-00007", order => order["lineItems"]![0]!["lineItemCost"]!["currency"] = "USD");

        await seller.Host.RunDueAsync();

        Assert.Empty(seller.Host.Orders.Orders);
        Assert.Contains("lineItems[0].lineItemCost.currency is 'USD', not the order's EUR", (await seller.JournalAsync(RecordKind.Order, "12-00001-00007")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchChangedOrders_OrderChangedAfterItsPageWasRead_ALaterPageNewer_NextListingHasTheChange()
    {
        var ebayTime = new FakeClock(ConnectTestHost.Start);
        await using var seller = await StartAsync(new MarketplaceFakeOptions { Clock = ebayTime }, FeatureKind.Orders);
        await seller.MapArticleAsync(1, 5, 5);
        // eBay's fake lists newest-created first: order 0 on the first page, order 200 alone on the second.
        for (var i = 0; i <= EbayOrdersFeature.PageSize; i++)
        {
            seller.SeedOrder(Number(i), change: order => order with { CreatedAt = order.CreatedAt - Duration.FromMinutes(i) });
        }

        var context = await seller.Host.ContextOfAsync(seller.Connection);
        var orders = seller.Host.Get<ConnectorRegistry>().Get(EbayConnector.Id).Features.OfType<IOrdersFeature>().Single();
        var pages = 0;
        var resume = default(OrderCursor);
        await foreach (var page in orders.FetchChangedOrdersAsync(context, new OrderCursor(ConnectTestHost.Start - Duration.FromHours(1)), CancellationToken.None))
        {
            if (++pages == 1)
            {
                // Between the pages: order 0, read already, is cancelled; then order 200, still to come, changes later.
                ebayTime.Advance(Duration.FromMinutes(1));
                seller.Fake.ChangeOrder(Number(0), order => order["cancelStatus"]!["cancelState"] = "CANCELED");
                ebayTime.Advance(Duration.FromMinutes(1));
                seller.Fake.ChangeOrder(Number(EbayOrdersFeature.PageSize), order => order["salesRecordReference"] = "changed");
            }

            resume = page.Resume;
        }

        var next = new List<MarketplaceOrder>();
        await foreach (var page in orders.FetchChangedOrdersAsync(context, resume, CancellationToken.None))
        {
            next.AddRange(page.Orders);
        }

        Assert.Equal(2, pages);
        Assert.Equal(OrderStatus.Cancelled, Assert.Single(next, o => o.OrderNumber == Number(0)).Status);
    }

    [Fact]
    public async Task Import_MoreThanAPage_ReadsEveryPageByOffset()
    {
        await using var seller = await StartAsync(features: [FeatureKind.Orders]);
        await seller.MapArticleAsync(1, 5, 5);
        for (var i = 1; i <= 450; i++)
        {
            seller.SeedOrder($"12-{i:D5}-00001");
        }

        await seller.Host.RunDueAsync();

        Assert.Equal(450, seller.Host.Orders.Orders.Select(o => o.Order.OrderNumber).Distinct().Count());
        var pages = seller.Fake.Requests.Where(r => r.Operation == EbayOperations.GetOrders && r.PathAndQuery.Contains("lastmodifieddate", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, pages.Length);
        Assert.Contains(pages, p => p.PathAndQuery.EndsWith("limit=200&offset=400", StringComparison.Ordinal));
    }

    private static string Number(int index) => $"12-{index:D5}-00009";
}
