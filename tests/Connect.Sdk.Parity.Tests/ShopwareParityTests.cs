using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using Connect.Sdk.Parity.Tests.Node;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Shopware;
using NodaTime;
using Xunit.Abstractions;

namespace Connect.Sdk.Parity.Tests;

/// <summary>
/// Shopware's official JavaScript API client (its admin client, client credentials) against the Shopware fake: it gets a
/// token, is refused with a wrong secret, finds products by number in bulk, writes stock and a price through the sync API
/// (and sees an invalid record roll the request back), pages orders with associations, adds a tracking code and moves
/// the delivery through its states, an illegal transition refused with the offered ones.
/// </summary>
public sealed class ShopwareParityTests(ITestOutputHelper output)
{
    private const string ClientId = "SWIAPARITYCLIENT0000000000";
    private const string ClientSecret = "cGFyaXR5LXNob3B3YXJlLXNlY3JldC1hY2Nlc3Mta2V5";

    [Fact]
    public async Task OfficialClient_WithClientCredentials_PassesEveryCheck()
    {
        await using var shop = ShopwareFake.Start(new ShopwareCredentials(ClientId, ClientSecret));
        shop.SeedArticle(Number("MUG"), 7);
        shop.SeedVariant(Number("SHIRT-M"), 3, "SHIRT");
        shop.SeedVariant(Number("SHIRT-L"), 5, "SHIRT");
        var placed = SystemClock.Instance.GetCurrentInstant() - Duration.FromDays(1);
        for (var number = 10001; number <= 10005; number++)
        {
            shop.SeedOrder(Order(number, placed + Duration.FromMinutes(number - 10000)));
        }

        var run = await NodeClient.RunAsync(
            "shopware.mjs",
            new Dictionary<string, string>
            {
                ["SHOPWARE_URL"] = shop.BaseAddress.ToString(),
                ["SHOPWARE_CLIENT_ID"] = ClientId,
                ["SHOPWARE_CLIENT_SECRET"] = ClientSecret,
            },
            CancellationToken.None);
        output.WriteLine(run.Output);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Empty(shop.HandlerErrors);
        Assert.Equal((10, 0), (run.Passed, run.Failed));
        Assert.Equal(11, shop.StockOf(Number("MUG")));
        Assert.Equal(0, shop.StockOf(Number("SHIRT-L")));
        Assert.Equal(3, shop.StockOf(Number("SHIRT-M")));
        Assert.Equal(new FakePrice(new Money(24.99m, CurrencyCode.Eur), new Money(29.99m, CurrencyCode.Eur)), shop.PriceOf(Number("MUG")));
        Assert.Equal(OrderStatus.Shipped, shop.StatusOf("10001"));
        Assert.Equal(["00340434161234567890"], shop.TrackingCodesOf("10001"));
        Assert.Equal(["use-queue-indexing"], shop.IndexingBehaviors.Take(1));
    }

    private static ForeignNumber Number(string value) => new(ForeignNumberLabel.ArticleNumber, value);

    private static MarketplaceOrder Order(int number, Instant placed) => new()
    {
        OrderNumber = number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        MarketplaceOrderId = number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        CreatedAt = placed,
        UpdatedAt = placed,
        Currency = CurrencyCode.Eur,
        Status = OrderStatus.Open,
        ShippingCost = new Money(4.90m, CurrencyCode.Eur),
        Lines =
        [
            new OrderLine
            {
                LineId = $"{number}01",
                ForeignNumber = Number("SHIRT-M"),
                Title = "Shirt M",
                Quantity = 1,
                UnitPrice = new Money(12.50m, CurrencyCode.Eur),
                TaxRate = 0.19m,
                TaxAmount = new Money(2.00m, CurrencyCode.Eur),
            },
        ],
        ShippingAddress = new Address { Name = "Erika Mustermann", Street = "Heidestraße 17", PostalCode = "51147", City = "Köln", CountryCode = "DE" },
        BuyerEmail = "erika@example.com",
    };
}
