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
    public async Task Import_PercentagePromotionOverTwoTaxRates_OnTheLinesItDiscounted()
    {
        await using var shop = await ShopwareTestShop.StartAsync(features: FeatureKind.Orders);

        // 10 % off, as Shopware writes it: the products at their prices, the promotion with its composition and its tax
        // per rate (2.50 of the mugs at 19 %: 0.40; 1.00 of the towel at 7 %: 0.07).
        SeedWithItems(
            shop,
            "10003",
            36.40m,
            Product("a1", "mug-product", "MUG-1", 2, 12.50m, 19m, 3.99m, 1),
            Product("b2", "towel-product", "TOWEL-1", 1, 10.00m, 7m, 0.65m, 2),
            Promotion("c3", -3.50m, 3, [(19m, -0.40m, -2.50m), (7m, -0.07m, -1.00m)], Composition(("mug-product", 2, 2.50m), ("towel-product", 1, 1.00m))));

        await shop.Host.RunDueAsync();

        var order = Assert.Single(shop.Host.Orders.Orders).Order;
        Assert.Equal(
            [("MUG-1", 11.25m, 2.50m, 3.59m), ("TOWEL-1", 9.00m, 1.00m, 0.58m)],
            order.Lines.Select(l => (l.Sku, l.UnitPrice.Amount, l.Discount?.Amount, l.TaxAmount?.Amount)));
        Assert.Empty(order.Fees);
        Assert.Equal(36.40m, order.Total?.Amount);
    }

    [Fact]
    public async Task Import_AbsoluteVoucherOverLinesOfOneRate_ACreditWithItsTax()
    {
        await using var shop = await ShopwareTestShop.StartAsync(features: FeatureKind.Orders);

        // 5.00 off two lines at 19 %: Shopware's shares (3.5714…, 1.4285…) and one tax for both do not say each line's
        // tax, so the voucher is a credit of -5.00 with its tax of -0.80.
        SeedWithItems(
            shop,
            "10005",
            34.90m,
            Product("a1", "mug-product", "MUG-1", 2, 12.50m, 19m, 3.99m, 1),
            Product("b2", "cup-product", "CUP-1", 1, 10.00m, 19m, 1.60m, 2),
            Promotion("c3", -5.00m, 3, [(19m, -0.80m, -5.00m)], Composition(("mug-product", 2, 3.5714285714m), ("cup-product", 1, 1.4285714286m))));

        await shop.Host.RunDueAsync();

        var order = Assert.Single(shop.Host.Orders.Orders).Order;
        Assert.Equal([(12.50m, (decimal?)null), (10.00m, null)], order.Lines.Select(l => (l.UnitPrice.Amount, l.Discount?.Amount)));
        var credit = Assert.Single(order.Fees);
        Assert.Equal(("SAVE5", -5.00m, -0.80m), (credit.Title, credit.Amount.Amount, credit.TaxAmount?.Amount));
    }

    [Fact]
    public async Task Import_ThreeDecimalCurrencyTheOrderRoundsTo_Imported()
    {
        await using var shop = await ShopwareTestShop.StartAsync(features: FeatureKind.Orders);
        shop.AddArticle("MUG-1", erpStock: 5);
        shop.SeedOrder("10006", "MUG-1");
        shop.Fake.ChangeOrder("10006", order =>
        {
            order["currency"] = new JsonObject { ["id"] = "kwd", ["isoCode"] = "KWD", ["itemRounding"] = new JsonObject { ["decimals"] = 3 }, ["totalRounding"] = new JsonObject { ["decimals"] = 3 } };
            order["itemRounding"] = new JsonObject { ["decimals"] = 3, ["interval"] = 0.001m, ["roundForNet"] = true };
            order["totalRounding"] = new JsonObject { ["decimals"] = 3, ["interval"] = 0.001m, ["roundForNet"] = true };
            order["lineItems"] = new JsonArray(Product("a1", "mug-product", "MUG-1", 2, 12.505m, 19m, 3.993m, 1));
            order["amountTotal"] = 29.910m;
        });

        await shop.Host.RunDueAsync();

        var order = Assert.Single(shop.Host.Orders.Orders).Order;
        Assert.Equal(("KWD", 12.505m, 3.993m), (order.Currency.Value, order.Lines[0].UnitPrice.Amount, order.Lines[0].TaxAmount?.Amount));
    }

    // An order of the shop's articles whose line items are replaced by these, with the total they add up to.
    private static void SeedWithItems(ShopwareTestShop shop, string number, decimal amountTotal, params JsonObject[] items)
    {
        foreach (var item in items.Where(i => (string?)i["type"] == "product"))
        {
            shop.AddArticle((string)item["payload"]!["productNumber"]!, erpStock: 5);
        }

        shop.SeedOrder(number, (string)items[0]["payload"]!["productNumber"]!);
        shop.Fake.ChangeOrder(number, order =>
        {
            order["lineItems"] = new JsonArray(items);
            order["amountTotal"] = amountTotal;
        });
    }

    private static JsonObject Product(string id, string identifier, string number, int quantity, decimal unit, decimal rate, decimal tax, int position) => new()
    {
        ["id"] = id,
        ["identifier"] = identifier,
        ["type"] = "product",
        ["label"] = number,
        ["quantity"] = quantity,
        ["unitPrice"] = unit,
        ["totalPrice"] = unit * quantity,
        ["position"] = position,
        ["price"] = Price(unit, quantity, [(rate, tax, unit * quantity)]),
        ["payload"] = new JsonObject { ["productNumber"] = number },
    };

    private static JsonObject Promotion(string id, decimal total, int position, (decimal Rate, decimal Tax, decimal Price)[] taxes, JsonArray composition) => new()
    {
        ["id"] = id,
        ["identifier"] = id,
        ["type"] = "promotion",
        ["label"] = "SAVE5",
        ["quantity"] = 1,
        ["unitPrice"] = total,
        ["totalPrice"] = total,
        ["position"] = position,
        ["price"] = Price(total, 1, taxes),
        ["payload"] = new JsonObject { ["code"] = "SAVE5", ["composition"] = composition },
    };

    private static JsonArray Composition(params (string Id, int Quantity, decimal Discount)[] parts) =>
        new([.. parts.Select(p => (JsonNode)new JsonObject { ["id"] = p.Id, ["quantity"] = p.Quantity, ["discount"] = p.Discount })]);

    private static JsonObject Price(decimal unit, int quantity, (decimal Rate, decimal Tax, decimal Price)[] taxes) => new()
    {
        ["unitPrice"] = unit,
        ["quantity"] = quantity,
        ["totalPrice"] = unit * quantity,
        ["calculatedTaxes"] = new JsonArray([.. taxes.Select(t => (JsonNode)new JsonObject { ["tax"] = t.Tax, ["taxRate"] = t.Rate, ["price"] = t.Price })]),
    };

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
