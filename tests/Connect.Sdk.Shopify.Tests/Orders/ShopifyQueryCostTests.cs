using System.Globalization;
using System.Text.Json.Nodes;
using Connect.Sdk.Features;
using Connect.Sdk.Journal;
using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using Connect.Sdk.Shopify.Http;
using Connect.Sdk.Shopify.Tests.Faults;
using NodaTime;

namespace Connect.Sdk.Shopify.Tests.Orders;

/// <summary>
/// Shopify refuses any query whose requested cost is above 1000 points (<c>MAX_COST_EXCEEDED</c>), and the fake prices
/// every query from its selection as Shopify does: an order with more lines than a page holds arrives complete through
/// follow-ups, a parcel of such an order ships every line, and no query the connector sends asks for more than 1000
/// points or declares another cost than the shop reports.
/// </summary>
public sealed class ShopifyQueryCostTests : ShopifyFaultFixture
{
    private const int ManyLines = 65;

    [Fact]
    public void EveryQuery_DeclaresARequestedCostUnderTheSingleQueryLimit()
    {
        Assert.All(ShopifyDocuments.Queries, q => Assert.InRange(q.EstimatedCost, 1, ShopifyDocuments.SingleQueryMaxCost));
        Assert.Equal(852, ShopifyDocuments.Orders.EstimatedCost);
        Assert.Equal(172, ShopifyDocuments.OrderByName.EstimatedCost);
        Assert.Equal(553, ShopifyDocuments.OrderLines.EstimatedCost);
        Assert.Equal(368, ShopifyDocuments.OrderFulfillments.EstimatedCost);
        Assert.Equal(203, ShopifyDocuments.FulfillmentOrderLines.EstimatedCost);
        Assert.Equal(103, ShopifyDocuments.FulfillmentOrderFulfillments.EstimatedCost);
        Assert.Equal(11, ShopifyDocuments.Product.EstimatedCost);
        Assert.Equal(4, ShopifyDocuments.Variant.EstimatedCost);
    }

    [Fact]
    public async Task OrderWithMoreLinesThanOnePage_ArrivesCompleteThroughFollowUps()
    {
        await MapArticlesAsync(10);
        var number = SeedBigOrder();

        var runs = await Host.RunDueAsync();

        Assert.DoesNotContain(runs, r => r.Outcome == Connect.Sdk.Sync.WorkRunOutcome.Failed);
        var order = Assert.Single(Host.Orders.Orders, o => o.Order.OrderNumber == number).Order;
        Assert.Equal(Enumerable.Range(1, ManyLines).Select(LineId), order.Lines.Select(l => l.LineId));
        Assert.Equal(JournalStatus.Succeeded, (await EntryAsync(RecordKind.Order, number)).Status);

        // 10 lines came with the page; 50 and then the last 5 with two follow-ups.
        Assert.Equal(2, Traffic.Exchanges.Count(e => Query(e) == ShopifyDocuments.OrderLines.Document));
    }

    [Fact]
    public async Task OrderWithAFlawedLineInAFollowUp_FailsAloneNamingTheLineAmongAllItsLines_TheOthersArrive()
    {
        await MapArticlesAsync(10);
        var number = SeedBigOrder();
        var others = SeedOrders(2);

        // Line 61 comes with the second follow-up (lines 61 to 65): Shopify's field path counts it among all the order's lines.
        Shop.ChangeOrderFields(number, order => order["lineItems"]!["nodes"]![60]!["quantity"] = "two");

        var runs = await Host.RunDueAsync();

        Assert.DoesNotContain(runs, r => r.Outcome == Connect.Sdk.Sync.WorkRunOutcome.Failed);
        AssertEveryOrderOnce(others);
        var entry = await EntryAsync(RecordKind.Order, number);
        Assert.Equal(JournalStatus.Failed, entry.Status);
        Assert.Contains($": Shopify order {number} cannot be read: the field lineItems.nodes[60].quantity does not have the documented type;", entry.Message, StringComparison.Ordinal);
        Assert.Equal(2, Traffic.Exchanges.Count(e => Query(e) == ShopifyDocuments.OrderLines.Document));
    }

    [Fact]
    public async Task ParcelOfAnOrderWithMoreLinesThanOnePage_ShipsEveryLine()
    {
        await MapArticlesAsync(10);
        var number = SeedBigOrder();
        await Host.RunDueAsync();
        var order = Host.Orders.Orders.Single(o => o.Order.OrderNumber == number).Order;
        var parcel = Parcel("T-1", [.. order.Lines.Select(l => new ShippedLine(l.LineId, l.Quantity))]);

        var result = await StatusExport.ExportOrderStatusAsync(await Host.ContextOfAsync(Connection), new OrderStatusUpdate(number, order.MarketplaceOrderId, OrderStatus.Shipped, [parcel]), CancellationToken.None);

        Assert.Equal(RecordOutcome.Succeeded, result.Outcome);
        var shipment = Assert.Single(Shop.ShipmentsOf(number));
        Assert.Equal(ManyLines, shipment.Lines.Count);
        Assert.Equal(OrderStatus.Shipped, Shop.StatusOf(number));
        Assert.Contains(Traffic.Exchanges, e => Query(e) == ShopifyDocuments.FulfillmentOrderLines.Document);
        AssertEveryQueryFitsAndDeclaresItsCost();
    }

    // What the fake (pricing as Shopify does) reported for every request: never over 1000 points, never refused for
    // its cost, and what the connector declared to its rate budget.
    private void AssertEveryQueryFitsAndDeclaresItsCost()
    {
        var exchanges = Traffic.Exchanges.Where(e => e.RequestedCost is not null).ToList();
        Assert.NotEmpty(exchanges);
        Assert.DoesNotContain(Traffic.Exchanges, e => e.ErrorCode == "MAX_COST_EXCEEDED");
        Assert.All(exchanges, e => Assert.InRange(e.RequestedCost!.Value, 1, ShopifyDocuments.SingleQueryMaxCost));
        var declared = ShopifyDocuments.Queries.ToDictionary(q => q.Document, q => q.EstimatedCost, StringComparer.Ordinal);
        foreach (var exchange in exchanges.Where(e => declared.ContainsKey(Query(e))))
        {
            Assert.Equal(declared[Query(exchange)], exchange.RequestedCost);
        }

        var sent = exchanges.Select(Query).ToHashSet(StringComparer.Ordinal);
        Assert.All(
            new[] { ShopifyDocuments.Orders, ShopifyDocuments.OrderLines, ShopifyDocuments.OrderFulfillments, ShopifyDocuments.FulfillmentOrderLines, ShopifyDocuments.Product },
            q => Assert.Contains(q.Document, sent));
    }

    private static string Query(TestDoubles.ShopifyTraffic.Exchange exchange) => (string?)JsonNode.Parse(exchange.Request)?["query"] ?? string.Empty;

    private static string LineId(int index) => string.Create(CultureInfo.InvariantCulture, $"88{index:D3}");

    private string SeedBigOrder()
    {
        var now = Host.Clock.GetCurrentInstant() - Duration.FromMinutes(5);
        Shop.SeedOrder(new MarketplaceOrder
        {
            OrderNumber = "6001",
            MarketplaceOrderId = "886001",
            CreatedAt = now,
            UpdatedAt = now,
            Currency = CurrencyCode.Eur,
            Status = OrderStatus.Open,
            Lines = [.. Enumerable.Range(1, ManyLines).Select(i => new OrderLine
            {
                LineId = LineId(i),
                ForeignNumber = Product(1),
                Title = "Mug " + i.ToString(CultureInfo.InvariantCulture),
                Quantity = 1,
                UnitPrice = new Money(2.50m, CurrencyCode.Eur),
                TaxRate = 0.19m,
            })],
            ShippingCost = new Money(4.90m, CurrencyCode.Eur),
            ShippingAddress = new Address { Name = "Max Mustermann", Street = "Am Hafen 3", PostalCode = "20457", City = "Hamburg", CountryCode = "DE" },
        });
        return "6001";
    }
}
