using System.Text.Json;
using System.Text.Json.Nodes;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Mirakl.Orders;
using Connect.Sdk.Orders;

namespace Connect.Sdk.Mirakl.Tests.Orders;

/// <summary>An OR11 order as Mirakl sends it (Samples/SOURCES.md) mapped into the SDK's order.</summary>
public sealed class MiraklOrderMapperTests
{
    [Fact]
    public void TryMap_SampleOrder_ReadsNumbersLinesMoneyAndAddress()
    {
        Assert.True(MiraklOrderMapper.TryMap(Sample(), out var order, out var problem), problem?.Reason);

        Assert.Equal("COM-88121-A", order.OrderNumber);
        Assert.Equal("COM-88121", order.MarketplaceOrderId);
        Assert.Equal(OrderStatus.Open, order.Status);
        var line = Assert.Single(order.Lines);
        Assert.Equal(new ForeignNumber(ForeignNumberLabel.MiraklShopSku, "MUG-1"), line.ForeignNumber);
        Assert.Equal("ERP-4711", line.Sku);
        Assert.Equal(new Money(12.99m, CurrencyCode.Eur), line.UnitPrice);
        Assert.Equal(0.20m, line.TaxRate);
        Assert.Equal(new Money(4.33m, CurrencyCode.Eur), line.TaxAmount);
        Assert.Equal(new Money(3.02m, CurrencyCode.Eur), line.Discount);
        Assert.Equal(new Money(4.90m, CurrencyCode.Eur), order.ShippingCost);
        Assert.Equal(new Money(30.88m, CurrencyCode.Eur), order.Total);
        Assert.Equal(MappedTotal.Of(order).Sum, order.Total);
        Assert.Equal("FR", order.ShippingAddress!.CountryCode);
        Assert.Equal("Camille Martin", order.ShippingAddress.Name);
    }

    [Fact]
    public void TryMap_UnknownStateAndFieldsAnOperatorAdded_ImportedWithTheStateKept()
    {
        var json = JsonNode.Parse(Sample().GetRawText())!.AsObject();
        json["order_state"] = "AWAITING_CUSTOMS_CLEARANCE";
        json["operator_risk_score"] = new JsonObject { ["score"] = 12, ["band"] = "LOW" };
        json["order_lines"]![0]!["line_warehouse_slot"] = "B-12";

        Assert.True(MiraklOrderMapper.TryMap(JsonSerializer.SerializeToElement(json), out var order, out var problem), problem?.Reason);

        Assert.Equal(new OrderStatus("awaiting_customs_clearance"), order.Status);
        Assert.True(MiraklOrderStates.IsForTheErp("AWAITING_CUSTOMS_CLEARANCE"));
    }

    [Fact]
    public void TryMap_PriceWithThreeDecimals_UnreadableNamingOrderAndField()
    {
        var json = JsonNode.Parse(Sample().GetRawText())!.AsObject();
        json["order_lines"]![0]!["price"] = 25.985m;

        Assert.False(MiraklOrderMapper.TryMap(JsonSerializer.SerializeToElement(json), out _, out var problem));

        Assert.Equal("COM-88121-A", problem.OrderNumber);
        Assert.Contains("order_lines[0].price 25.985", problem.Reason, StringComparison.Ordinal);
    }

    private static JsonElement Sample() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "or11_order_shipping.json"))).RootElement.Clone();
}
