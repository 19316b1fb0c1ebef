using System.Globalization;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Kaufland.Orders;
using Connect.Sdk.Kaufland.Tests.TestSupport;
using Connect.Sdk.Orders;
using NodaTime;

namespace Connect.Sdk.Kaufland.Tests.Orders;

/// <summary>Order units (one per piece) are read page by page and grouped back into whole orders.</summary>
public sealed class KauflandOrdersFeatureTests
{
    private static readonly ForeignNumber Mug = new(ForeignNumberLabel.ApiUnitId, "400000001");
    private static readonly ForeignNumber Towel = new(ForeignNumberLabel.ApiUnitId, "400000002");

    [Fact]
    public async Task FetchChangedOrders_UnitsOfOneOrderOnTwoPages_OneOrderWithBothPieces()
    {
        await using var seller = await KauflandTestSeller.StartAsync();
        seller.Fake.SeedArticle(Mug, 50);
        seller.Fake.SeedArticle(Towel, 50);
        var start = Instant.FromDateTimeOffset(seller.Time.GetUtcNow()) - Duration.FromHours(3);

        // Listed newest first: the 99 later orders fill offsets 0–98, the two pieces of order SPLIT1 offsets 99 and 100.
        seller.Fake.SeedOrder(Order("SPLIT1", start, (Mug, 2)));
        for (var i = 1; i <= 99; i++)
        {
            seller.Fake.SeedOrder(Order(string.Create(CultureInfo.InvariantCulture, $"LATER{i:00}"), start + Duration.FromMinutes(i), (Towel, 1)));
        }

        var pages = await seller.DriveAsync(async () =>
        {
            var read = new List<OrderPage>();
            await foreach (var page in seller.Feature<IOrdersFeature>().FetchChangedOrdersAsync(seller.Context, new OrderCursor(start - Duration.FromMinutes(1)), CancellationToken.None))
            {
                read.Add(page);
            }

            return read;
        });

        var orders = pages.SelectMany(p => p.Orders).ToArray();
        Assert.Empty(pages.SelectMany(p => p.Unreadable));
        Assert.Equal(100, orders.Length);
        Assert.Equal(100, orders.Select(o => o.OrderNumber).Distinct().Count());
        var split = Assert.Single(orders, o => o.OrderNumber == "SPLIT1");
        var line = Assert.Single(split.Lines);
        Assert.Equal(2, line.Quantity);
        Assert.Equal(Mug, line.ForeignNumber);

        // Both list pages were read before any order, and SPLIT1, the oldest change, comes first.
        Assert.Equal(2, seller.Fake.Requests.Count(r => r.Operation == "order-units.list"));
        Assert.Equal("SPLIT1", orders[0].OrderNumber);
    }

    [Fact]
    public async Task FetchOrdersByNumber_KnownAndUnknown_FoundAndNotFound()
    {
        await using var seller = await KauflandTestSeller.StartAsync();
        seller.Fake.SeedArticle(Mug, 5);
        seller.Fake.SeedOrder(Order("MHRYPC1", Instant.FromDateTimeOffset(seller.Time.GetUtcNow()) - Duration.FromMinutes(5), (Mug, 3)));

        var result = await seller.DriveAsync(async () => await seller.Feature<IOrdersFeature>().FetchOrdersByNumberAsync(seller.Context, ["MHRYPC1", "NOPE"], CancellationToken.None));

        Assert.Equal(3, Assert.Single(Assert.Single(result.Found).Lines).Quantity);
        Assert.Equal(["NOPE"], result.NotFound);
    }

    [Fact]
    public async Task FetchOrdersByNumber_OfferIdWithReservedCharacters_ItsUnitFoundThroughASignedQuery()
    {
        await using var seller = await KauflandTestSeller.StartAsync();
        seller.Fake.SeedArticle(Mug, 5);
        var order = Order("M8CXTB1", Instant.FromDateTimeOffset(seller.Time.GetUtcNow()) - Duration.FromMinutes(5), (Mug, 1));
        seller.Fake.SeedOrder(order with { Lines = [order.Lines[0] with { Sku = "MUG+1/blue & white=50%" }] });

        var result = await seller.DriveAsync(async () => await seller.Feature<IOrdersFeature>().FetchOrdersByNumberAsync(seller.Context, ["M8CXTB1"], CancellationToken.None));

        // The query carries the offer id percent-encoded; the fake checks the signature over the query exactly as sent.
        var line = Assert.Single(Assert.Single(result.Found).Lines);
        Assert.Equal(Mug, line.ForeignNumber);
        Assert.Equal("MUG+1/blue & white=50%", line.Sku);
        Assert.Contains(seller.Fake.Requests, r => r.Operation == "units.list" && r.StatusCode == 200 && r.PathAndQuery.Contains("id_offer=MUG%2B1%2Fblue%20%26%20white%3D50%25", StringComparison.Ordinal));
    }

    private static MarketplaceOrder Order(string number, Instant at, params (ForeignNumber Unit, int Pieces)[] lines) => new()
    {
        OrderNumber = number,
        MarketplaceOrderId = number,
        CreatedAt = at,
        UpdatedAt = at,
        Currency = CurrencyCode.Eur,
        Status = OrderStatus.Open,
        Lines = [.. lines.Select((l, i) => new OrderLine
        {
            LineId = string.Create(CultureInfo.InvariantCulture, $"{i + 1}"),
            ForeignNumber = l.Unit,
            Title = "Article " + l.Unit.Value,
            Quantity = l.Pieces,
            UnitPrice = new Money(12.99m, CurrencyCode.Eur),
        })],
        ShippingCost = new Money(4.90m, CurrencyCode.Eur),
        ShippingAddress = new Address { Name = "Max Mustermann", Street = "Am Hafen 3", PostalCode = "20457", City = "Hamburg", CountryCode = "DE" },
    };
}
