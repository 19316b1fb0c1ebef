using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Basar.Connector.Orders;
using Connect.Sdk;
using NodaTime;

namespace Basar.Connector.Tests.Orders;

/// <summary>The edges of reading Basar's order JSON: decimal strings, currencies, missing fields.</summary>
public sealed class BasarOrderMapperTests
{
    [Fact]
    public void TryMap_UnderGermanCulture_ReadsDecimalStringsWithTheirPoint()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Assert.True(BasarOrderMapper.TryMap(Order(), out var order, out _));

            // Under de-DE a culture-sensitive parse would read "12.99" as 1299.
            Assert.Equal(new Money(12.99m, new CurrencyCode("CHF")), order.Lines[0].UnitPrice);
            Assert.Equal(0.081m, order.Lines[0].TaxRate);
            Assert.Equal(new Money(1234.50m, new CurrencyCode("CHF")), order.Total);
            Assert.Equal(Instant.FromUtc(2026, 11, 23, 9, 15, 30), order.UpdatedAt);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Theory]
    [InlineData("12,99")]
    [InlineData("1.2e3")]
    [InlineData("12.99 EUR")]
    [InlineData(" 12.99")]
    [InlineData("")]
    public void ParseDecimal_NotBasarsFormat_IsRefusedNamingTheField(string text)
    {
        var ex = Assert.Throws<FormatException>(() => BasarOrderMapper.ParseDecimal(text, "unitPrice"));

        Assert.Contains("unitPrice", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("-1.50", -1.5)]
    [InlineData("1234.5678", 1234.5678)]
    public void ParseDecimal_DecimalString_IsExact(string text, double expected)
    {
        Assert.Equal((decimal)expected, BasarOrderMapper.ParseDecimal(text, "amount"));
    }

    [Fact]
    public void TryMap_AmountWithComma_IsUnreadableNamingOrderAndField()
    {
        var json = OrderJson();
        json["lines"]![0]!["unitPrice"] = "12,99";

        Assert.False(BasarOrderMapper.TryMap(Element(json), out _, out var unreadable));

        Assert.Equal("B-1001", unreadable.OrderNumber);
        Assert.Contains("line L-1 unitPrice '12,99'", unreadable.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("currency")]
    [InlineData("lines")]
    [InlineData("updatedAt")]
    public void TryMap_RequiredFieldMissing_IsUnreadableInsteadOfEmpty(string field)
    {
        var json = OrderJson();
        json.Remove(field);

        Assert.False(BasarOrderMapper.TryMap(Element(json), out _, out var unreadable));

        Assert.Equal("B-1001", unreadable.OrderNumber);
        Assert.Contains($"the required field {field} is missing", unreadable.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryMap_LineWithoutOffer_HasNoForeignNumber()
    {
        var json = OrderJson();
        json["lines"]![0]!.AsObject().Remove("offerId");

        Assert.True(BasarOrderMapper.TryMap(Element(json), out var order, out _));

        Assert.Null(order.Lines[0].ForeignNumber);
    }

    private static JsonElement Order() => Element(OrderJson());

    private static JsonElement Element(JsonNode json) => JsonSerializer.Deserialize<JsonElement>(json.ToJsonString());

    private static JsonObject OrderJson() => new()
    {
        ["number"] = "B-1001",
        ["id"] = "77001",
        ["createdAt"] = "2026-11-23T09:00:00Z",
        ["updatedAt"] = "2026-11-23T09:15:30Z",
        ["status"] = "open",
        ["currency"] = "CHF",
        ["pricesIncludeTax"] = true,
        ["lines"] = new JsonArray(new JsonObject
        {
            ["lineId"] = "L-1",
            ["offerId"] = "OF-1",
            ["title"] = "Teekanne",
            ["quantity"] = 2,
            ["unitPrice"] = "12.99",
            ["taxRate"] = "0.081",
        }),
        ["shipping"] = new JsonObject { ["cost"] = "4.90" },
        ["total"] = "1234.50",
    };
}
