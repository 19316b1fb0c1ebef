using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using Connect.Sdk.Tests.Sync;
using Connect.Sdk.Tests.TestDoubles;
using NodaTime;

namespace Connect.Sdk.Tests.Orders;

/// <summary>Marketplace orders as a test needs them: complete and importable unless a test takes something away.</summary>
internal static class TestOrders
{
    /// <summary>The ERP articles <see cref="OrderWorld"/> maps; lines refer to them as <c>SKU-{number}</c>.</summary>
    public static readonly string[] ArticleNumbers = ["A-1", "A-2", "A-3"];

    public static string Number(int i) => (1001 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An importable order changed at <paramref name="updatedAt"/> (default: shortly before the harness' start).</summary>
    public static MarketplaceOrder Order(string number, Instant? updatedAt = null, params OrderLine[] lines)
    {
        var changed = updatedAt ?? SyncHarness.Start - Duration.FromMinutes(30);
        return new MarketplaceOrder
        {
            OrderNumber = number,
            MarketplaceOrderId = "mp-" + number,
            CreatedAt = changed - Duration.FromMinutes(1),
            UpdatedAt = changed,
            Currency = CurrencyCode.Eur,
            Status = OrderStatus.Open,
            Lines = lines.Length > 0 ? lines : [Line("1", "A-1"), Line("2", "A-2", quantity: 2)],
            ShippingCost = new Money(4.90m, CurrencyCode.Eur),
            ShippingAddress = new Address { Name = "Erika Muster " + number, Street = "Hauptstr. 1", PostalCode = "10115", City = "Berlin", CountryCode = "DE" },
        };
    }

    /// <summary>A line with the foreign number <c>SKU-{articleNumber}</c>, 19 % tax unless told otherwise.</summary>
    public static OrderLine Line(string lineId, string articleNumber, int quantity = 1, decimal? taxRate = 0.19m) => new()
    {
        LineId = lineId,
        ForeignNumber = new ForeignNumber(TestMarketplace.Label, "SKU-" + articleNumber),
        Title = "Article " + articleNumber,
        Quantity = quantity,
        UnitPrice = new Money(10m, CurrencyCode.Eur),
        TaxRate = taxRate,
    };

    /// <summary>Orders 1001… changed <paramref name="spacing"/> apart (default one second), the last one a minute before the harness' start.</summary>
    public static MarketplaceOrder[] Many(int count, Duration? spacing = null)
    {
        var last = SyncHarness.Start - Duration.FromMinutes(1);
        var step = spacing ?? Duration.FromSeconds(1);
        return Enumerable.Range(0, count)
            .Select(i => Order(Number(i), last - (step * (count - 1 - i))))
            .ToArray();
    }
}
