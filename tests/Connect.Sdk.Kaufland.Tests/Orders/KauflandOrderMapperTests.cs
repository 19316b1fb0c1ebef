using System.Text.Json;
using System.Text.Json.Nodes;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Kaufland.Orders;
using Connect.Sdk.Orders;
using NodaTime;

namespace Connect.Sdk.Kaufland.Tests.Orders;

/// <summary>The mapping of an order as <c>GET /orders/{id_order}</c> answers it, fed with the model-built sample (Samples/README.md).</summary>
public sealed class KauflandOrderMapperTests
{
    private static readonly IReadOnlyDictionary<string, long> UnitIds = new Dictionary<string, long> { ["PHP-MYSQL-DUMMIES"] = 400000001 };

    [Fact]
    public void TryMap_ModelSample_TwoPiecesOfOneOfferAreOneLineOfTwo()
    {
        Assert.True(KauflandOrderMapper.TryMap(Sample(), UnitIds, CurrencyCode.Eur, out var order, out var problem), problem?.Reason);

        Assert.Equal("MHRYPC1", order.OrderNumber);
        Assert.Equal("MHRYPC1", order.MarketplaceOrderId);
        Assert.Equal(Instant.FromUtc(2016, 5, 31, 13, 59, 23), order.CreatedAt);
        Assert.Equal(Instant.FromUtc(2019, 7, 19, 17, 24, 5), order.UpdatedAt);
        Assert.Equal(OrderStatus.Open, order.Status);
        Assert.True(order.PricesIncludeTax);
        var line = Assert.Single(order.Lines);
        Assert.Equal("56896348978", line.LineId);
        Assert.Equal(2, line.Quantity);
        Assert.Equal(new Money(45.50m, CurrencyCode.Eur), line.UnitPrice);
        Assert.Equal(0.07m, line.TaxRate);
        Assert.Equal(new ForeignNumber(ForeignNumberLabel.ApiUnitId, "400000001"), line.ForeignNumber);
        Assert.Equal("PHP-MYSQL-DUMMIES", line.Sku);
        Assert.Equal("PHP and MySQL for Dummies", line.Title);
        Assert.Equal(new Money(4.90m, CurrencyCode.Eur), order.ShippingCost);
        Assert.Equal(new Money(95.90m, CurrencyCode.Eur), order.Total);
        Assert.Equal("erika@example.com", order.BuyerEmail);
        Assert.Equal("Heidestraße 17", order.ShippingAddress!.Street);
        Assert.Equal("Erika Mustermann", order.ShippingAddress.Name);
        Assert.Equal("Mustermann GmbH", order.ShippingAddress.Company);
        Assert.Equal("Hinterhaus", order.ShippingAddress.AddressLine2);
        Assert.Equal("+49 221 123456", order.ShippingAddress.Phone);
        Assert.Null(order.BillingAddress!.Company);
    }

    [Theory]
    [InlineData(1, "price", "4550.5", "the field order_units[1].price does not have the documented type (Kaufland sends amounts as integer cents)")]
    [InlineData(0, "shipping_rate", "490.25", "the field order_units[0].shipping_rate does not have the documented type (Kaufland sends amounts as integer cents)")]
    [InlineData(1, "currency", "\"PLN\"", "order_units[].currency is 'EUR' and 'PLN', not one ISO 4217 currency")]
    [InlineData(1, "status", "\"awaiting_payment\"", "order_units[1].status is 'awaiting_payment', not one of the Seller API's order unit statuses")]
    public void TryMap_FieldNotAsDocumented_HeldNamingTheOrderAndTheField(int unit, string field, string json, string expected)
    {
        var order = SampleNode();
        order["order_units"]![unit]![field] = JsonNode.Parse(json);

        var problem = Held(order);

        Assert.Contains(expected, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryMap_CurrencyNotTheStorefronts_HeldNamingTheOrderAndTheField()
    {
        var order = SampleNode();
        order["order_units"]![0]!["currency"] = "PLN";
        order["order_units"]![1]!["currency"] = "PLN";

        var problem = Held(order);

        Assert.Contains("order_units[].currency is 'PLN', not the storefront's EUR", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryMap_EveryUnitOpen_Pending()
    {
        var json = SampleNode();
        json["order_units"]![0]!["status"] = "open";
        json["order_units"]![1]!["status"] = "open";

        Assert.True(KauflandOrderMapper.TryMap(Parse(json), UnitIds, CurrencyCode.Eur, out var order, out _));

        Assert.Equal(OrderStatus.Pending, order.Status);
    }

    [Fact]
    public void TryMap_OnePieceCancelled_LineCountsTheOther()
    {
        var json = SampleNode();
        json["order_units"]![1]!["status"] = "cancelled";

        Assert.True(KauflandOrderMapper.TryMap(Parse(json), UnitIds, CurrencyCode.Eur, out var order, out _));

        Assert.Equal(1, Assert.Single(order.Lines).Quantity);
        Assert.Equal(new Money(50.40m, CurrencyCode.Eur), order.Total);
    }

    [Fact]
    public void TryMap_OnePieceSent_PartiallyShipped()
    {
        var json = SampleNode();
        json["order_units"]![0]!["status"] = "sent";

        Assert.True(KauflandOrderMapper.TryMap(Parse(json), UnitIds, CurrencyCode.Eur, out var order, out _));

        Assert.Equal(OrderStatus.PartiallyShipped, order.Status);
    }

    [Fact]
    public void TryMap_OfferWithoutUnit_LineWithoutForeignNumberKeepsTheOfferId()
    {
        Assert.True(KauflandOrderMapper.TryMap(Sample(), new Dictionary<string, long>(), CurrencyCode.Eur, out var order, out _));

        var line = Assert.Single(order.Lines);
        Assert.Null(line.ForeignNumber);
        Assert.Equal("PHP-MYSQL-DUMMIES", line.Sku);
    }

    // Held, with the order named: the ERP never gets it with money read approximately or a status guessed.
    private static UnreadableOrder Held(JsonObject order)
    {
        Assert.False(KauflandOrderMapper.TryMap(Parse(order), UnitIds, CurrencyCode.Eur, out _, out var problem));
        Assert.Equal("MHRYPC1", problem.OrderNumber);
        Assert.StartsWith("Kaufland order MHRYPC1 could not be read: ", problem.Reason, StringComparison.Ordinal);
        return problem;
    }

    private static JsonObject SampleNode() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "order_details_model.json")))!["data"]!.AsObject();

    private static JsonElement Sample() => Parse(SampleNode());

    private static JsonElement Parse(JsonObject json) => JsonDocument.Parse(json.ToJsonString()).RootElement.Clone();
}
