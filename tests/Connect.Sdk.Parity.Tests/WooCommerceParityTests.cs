using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using Connect.Sdk.Parity.Tests.Node;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.WooCommerce;
using NodaTime;
using Xunit.Abstractions;

namespace Connect.Sdk.Parity.Tests;

/// <summary>
/// WooCommerce's official JavaScript client, over plain HTTP with OAuth 1.0a, against the WooCommerce fake: it pages
/// products and orders, reads a product and its variations, updates stock, prices, sale dates and an order, reads the
/// shop's currency and tax option, and adds a note.
/// </summary>
public sealed class WooCommerceParityTests(ITestOutputHelper output)
{
    private const string Key = "ck_1f0e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6";
    private const string Secret = "cs_0a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3";

    [Fact]
    public async Task OfficialClient_OverHttpWithOAuth_PassesEveryCheck()
    {
        await using var woo = WooCommerceFake.Start(new WooCommerceCredentials(Key, Secret));
        woo.PlainHttp = true;
        woo.SeedArticle(Sku("MUG"), 7);
        woo.SeedVariation(Sku("SHIRT-M"), 3, "SHIRT");
        woo.SeedVariation(Sku("SHIRT-L"), 5, "SHIRT");
        var placed = SystemClock.Instance.GetCurrentInstant() - Duration.FromDays(1);
        for (var number = 1001; number <= 1012; number++)
        {
            woo.SeedOrder(Order(number, placed + Duration.FromMinutes(number)));
        }

        var run = await NodeClient.RunAsync(
            "woocommerce.mjs",
            new Dictionary<string, string>
            {
                ["WOO_URL"] = woo.BaseAddress.ToString(),
                ["WOO_CONSUMER_KEY"] = Key,
                ["WOO_CONSUMER_SECRET"] = Secret,
            },
            CancellationToken.None);
        output.WriteLine(run.Output);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Empty(woo.HandlerErrors);
        Assert.Equal((14, 0), (run.Passed, run.Failed));
        Assert.Equal(11, woo.StockOf(Sku("MUG")));
        Assert.Equal(new FakePrice(new Money(24.99m, CurrencyCode.Eur), new Money(29.99m, CurrencyCode.Eur)), woo.PriceOf(Sku("MUG")));
        Assert.Equal(new FakePrice(new Money(15m, CurrencyCode.Eur), null), woo.PriceOf(Sku("SHIRT-M")));
        Assert.Equal(0, woo.StockOf(Sku("SHIRT-L")));
        // Completed with a tracking note: the fake reads that as shipped.
        Assert.Equal(OrderStatus.Shipped, woo.StatusOf("1001"));
        Assert.Contains(woo.NotesOf("1001"), note => (string?)note["note"] == "Tracking: DHL 00340434161234567890");
    }

    private static ForeignNumber Sku(string value) => new(ForeignNumberLabel.Sku, value);

    private static MarketplaceOrder Order(int number, Instant placed) => new()
    {
        OrderNumber = number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        MarketplaceOrderId = number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        CreatedAt = placed,
        UpdatedAt = placed,
        Currency = CurrencyCode.Eur,
        Status = OrderStatus.Open,
        PricesIncludeTax = false,
        ShippingCost = new Money(4.90m, CurrencyCode.Eur),
        Lines =
        [
            new OrderLine
            {
                LineId = $"{number}01",
                ForeignNumber = Sku("SHIRT-M"),
                Title = "Shirt M",
                Quantity = 1,
                UnitPrice = new Money(12.50m, CurrencyCode.Eur),
                TaxAmount = new Money(2.38m, CurrencyCode.Eur),
            },
        ],
        BuyerEmail = "erika@example.com",
    };
}
