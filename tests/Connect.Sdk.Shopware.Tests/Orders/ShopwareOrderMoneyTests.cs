using System.Text.Json.Nodes;
using Connect.Sdk.Features;
using Connect.Sdk.Journal;
using Connect.Sdk.Shopware.Tests.TestSupport;

namespace Connect.Sdk.Shopware.Tests.Orders;

/// <summary>An order whose money cannot be read exactly is held, naming the order and the field; the others are imported.</summary>
public sealed class ShopwareOrderMoneyTests
{
    [Fact]
    public async Task Import_AmountWithMoreThanTwoDecimals_HeldNamingTheOrderAndTheField()
    {
        await using var shop = await ShopwareTestShop.StartAsync(features: FeatureKind.Orders);
        shop.AddArticle("MUG-1", erpStock: 5);
        shop.SeedOrder("10001", "MUG-1", minutesAgo: 6);
        shop.SeedOrder("10002", "MUG-1");
        shop.Fake.ChangeOrder("10001", order => order["amountTotal"] = 29.899999999999999m);

        await shop.Host.RunDueAsync();

        var held = await shop.JournalAsync(RecordKind.Order, "10001");
        Assert.Equal(JournalStatus.Failed, held?.Status);
        Assert.Contains("Shopware order 10001 could not be read: amountTotal is 29.899999999999999", held!.Message, StringComparison.Ordinal);
        Assert.Equal(["10002"], shop.Host.Orders.Orders.Select(o => o.Order.OrderNumber));
    }

    [Fact]
    public async Task Import_PromotionLineItem_HeldNamingTheLine()
    {
        await using var shop = await ShopwareTestShop.StartAsync(features: FeatureKind.Orders);
        shop.AddArticle("MUG-1", erpStock: 5);
        shop.SeedOrder("10003", "MUG-1");
        shop.Fake.ChangeOrder("10003", order => order["lineItems"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "0000000000000000000000000000beef",
            ["type"] = "promotion",
            ["label"] = "10 % off",
            ["quantity"] = 1,
            ["unitPrice"] = -2.50m,
            ["totalPrice"] = -2.50m,
            ["position"] = 2,
            ["payload"] = new JsonObject { ["code"] = "SAVE10" },
        }));

        await shop.Host.RunDueAsync();

        var held = await shop.JournalAsync(RecordKind.Order, "10003");
        Assert.Equal(JournalStatus.Failed, held?.Status);
        Assert.Contains("lineItems[1] (id 0000000000000000000000000000beef) is of type 'promotion'", held!.Message, StringComparison.Ordinal);
        Assert.Empty(shop.Host.Orders.Orders);
    }

    [Fact]
    public async Task Import_IdentityRule_LinesResolveToTheArticleOfTheSameNumber()
    {
        await using var shop = await ShopwareTestShop.StartAsync(features: FeatureKind.Orders);
        shop.AddArticle("MUG-1", erpStock: 5);
        shop.SeedOrder("10004", "MUG-1");

        await shop.Host.RunDueAsync();

        var line = Assert.Single(Assert.Single(shop.Host.Orders.Orders).Order.Lines);
        Assert.Equal("MUG-1", line.ForeignNumber?.Value);
        Assert.Equal((12.50m, 2, 0.19m, 3.99m), (line.UnitPrice.Amount, line.Quantity, line.TaxRate, line.TaxAmount?.Amount));
    }
}
