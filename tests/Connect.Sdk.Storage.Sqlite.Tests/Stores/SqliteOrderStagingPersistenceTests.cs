using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using NodaTime;

namespace Connect.Sdk.Storage.Sqlite.Tests.Stores;

/// <summary>What the SQLite staging store keeps in its file: every field of an order survives closing and reopening it.</summary>
public sealed class SqliteOrderStagingPersistenceTests : IDisposable
{
    private static readonly ConnectionId Shop = new("shopify-de");
    private readonly SqliteTestFiles _files = new();

    [Fact]
    public async Task Stage_FullyPopulatedOrder_SurvivesReopeningTheFileUnchanged()
    {
        var lease = await SqliteTestLease.HoldAsync(_files.Open());
        var order = FullyPopulatedOrder();
        var stagedAt = Instant.FromUtc(2026, 3, 1, 9, 0, 0) + Duration.FromNanoseconds(123_456_700);
        var first = _files.Open();
        await new SqliteOrderStagingStore(first).StageAsync(Shop, [order], new OrderCursor(order.UpdatedAt), stagedAt, lease, CancellationToken.None);
        first.Dispose();

        var reopened = new SqliteOrderStagingStore(_files.Open());
        var read = await reopened.GetAsync(Shop, order.OrderNumber, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(stagedAt, read.StagedAt);
        Assert.Equal(StagedOrderState.Staged, read.State);
        AssertSameOrder(order, read.Order);
        Assert.Equal(new OrderCursor(order.UpdatedAt), await reopened.GetCursorAsync(Shop, CancellationToken.None));
    }

    [Fact]
    public async Task Stage_MinimalOrder_KeepsTheAbsentFieldsAbsent()
    {
        var lease = await SqliteTestLease.HoldAsync(_files.Open());
        var order = FullyPopulatedOrder() with
        {
            Lines = [],
            ShippingTax = null,
            Total = null,
            BillingAddress = null,
            ShippingAddress = null,
            BuyerEmail = null,
            PaymentMethod = null,
            PricesIncludeTax = false,
        };
        await new SqliteOrderStagingStore(_files.Open()).StageAsync(Shop, [order], null, Instant.FromUtc(2026, 3, 1, 9, 0), lease, CancellationToken.None);

        var read = await new SqliteOrderStagingStore(_files.Open()).GetAsync(Shop, order.OrderNumber, CancellationToken.None);

        Assert.NotNull(read);
        AssertSameOrder(order, read.Order);
    }

    public void Dispose() => _files.Dispose();

    // The record's lists compare by reference, so lines and fees are compared one by one and the rest with record equality.
    private static void AssertSameOrder(MarketplaceOrder expected, MarketplaceOrder actual)
    {
        Assert.Equal(expected.Lines, actual.Lines);
        Assert.Equal(expected.Fees, actual.Fees);
        Assert.Equal(expected, actual with { Lines = expected.Lines, Fees = expected.Fees });
    }

    private static MarketplaceOrder FullyPopulatedOrder() => new()
    {
        OrderNumber = "#1001-Ä",
        MarketplaceOrderId = "9007199254740993123",
        CreatedAt = Instant.FromUtc(2026, 2, 28, 23, 59, 59) + Duration.FromNanoseconds(999_999_900),
        UpdatedAt = Instant.FromUtc(2026, 3, 1, 8, 30, 15) + Duration.FromMilliseconds(250),
        Currency = CurrencyCode.Chf,
        Status = new OrderStatus("awaiting_pickup"),
        PricesIncludeTax = false,
        Lines =
        [
            new OrderLine
            {
                LineId = "18446744073709551615",
                ForeignNumber = new ForeignNumber(ForeignNumberLabel.ShopifyVariantId, "9007199254740993"),
                Sku = "SKU-7",
                Title = "Kaffeebecher \"Grün\" 0,3 l",
                Quantity = 3,
                UnitPrice = new Money(12.50m, CurrencyCode.Chf),
                TaxRate = 0.077m,
                TaxAmount = new Money(2.6775m, CurrencyCode.Chf),
                Discount = new Money(1.00m, CurrencyCode.Chf),
            },
            new OrderLine
            {
                LineId = "2",
                ForeignNumber = null,
                Sku = null,
                Title = "Custom line",
                Quantity = 1,
                UnitPrice = new Money(0.01m, CurrencyCode.Chf),
            },
        ],
        ShippingCost = new Money(4.90m, CurrencyCode.Chf),
        ShippingDiscount = new Money(1.10m, CurrencyCode.Chf),
        ShippingTax = new Money(0.35m, CurrencyCode.Chf),
        Fees = [new OrderFee { Title = "Nachnahme", Amount = new Money(3.50m, CurrencyCode.Chf), TaxAmount = new Money(0.27m, CurrencyCode.Chf) }, new OrderFee { Title = "Gutschrift", Amount = new Money(-2.00m, CurrencyCode.Chf) }],
        Total = new Money(42.000m, CurrencyCode.Chf),
        BillingAddress = new Address
        {
            Name = "Erika Mustermann",
            Company = "Muster AG",
            Street = "Bahnhofstrasse 1",
            AddressLine2 = "c/o Empfang",
            PostalCode = "8001",
            City = "Zürich",
            Region = "ZH",
            CountryCode = "CH",
            Phone = "+41 44 000 00 00",
        },
        ShippingAddress = new Address
        {
            Name = "Max Mustermann",
            Street = "Hauptstrasse 5",
            PostalCode = "3000",
            City = "Bern",
            CountryCode = "CH",
        },
        BuyerEmail = "erika@example.com",
        PaymentMethod = "twint",
    };
}
