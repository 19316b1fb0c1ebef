using System.Text.Json;
using Connect.Sdk.Ebay.Orders;
using Connect.Sdk.Orders;

namespace Connect.Sdk.Ebay.Tests.Orders;

/// <summary>
/// eBay's order amounts as its Fulfillment API reference defines them, read from orders shaped as eBay answers them
/// (Samples/SOURCES.md): every amount lands as the SDK defines it, and what the ERP would book adds up to eBay's total.
/// </summary>
public sealed class EbayOrderMoneyTests
{
    [Fact]
    public void Map_PromotionAndShippingDiscount_AmountsAfterDiscounts_DiscountsBeside_TotalAddsUp()
    {
        var order = MapSample("order_de_promotion_shipping_discount.json");

        Assert.Equal(29.03m, order.Lines[0].UnitPrice.Amount);
        Assert.Equal(116.12m, order.Lines[0].Total.Amount);
        Assert.Equal(6.08m, order.Lines[0].Discount!.Value.Amount);
        Assert.Equal(33.86m, order.Lines[1].UnitPrice.Amount);
        Assert.Equal(7.16m, order.Lines[1].Discount!.Value.Amount);
        Assert.Equal(4.95m, order.ShippingCost.Amount);
        Assert.Equal(14.85m, order.ShippingDiscount!.Value.Amount);
        Assert.Equal(256.51m, order.Total!.Value.Amount);
        Assert.Equal(order.Total, MappedTotal.Of(order).Sum);
        Assert.True(order.PricesIncludeTax);
        Assert.Null(order.MarketplaceCollectedTax);
    }

    [Fact]
    public void Map_PromotionWithoutDiscountedLineItemCost_TakesThePromotionOffTheLine()
    {
        var order = MapSample("order_de_promotion_shipping_discount.json", json =>
        {
            foreach (var line in json["lineItems"]!.AsArray())
            {
                line!.AsObject().Remove("discountedLineItemCost");
            }
        });

        Assert.Equal(116.12m, order.Lines[0].Total.Amount);
        Assert.Equal(order.Total, MappedTotal.Of(order).Sum);
    }

    [Fact]
    public void Map_UsSalesTaxCollectedByEbay_IsMarketplaceCollectedTax_NotTheSellers_TotalAddsUp()
    {
        var order = MapSample("order_us_sales_tax.json");

        Assert.False(order.PricesIncludeTax);
        Assert.Equal(120.00m, order.Lines[0].UnitPrice.Amount);
        Assert.Null(order.Lines[0].TaxAmount);
        Assert.Equal(new Money(5.98m, new CurrencyCode("USD")), order.MarketplaceCollectedTax);
        Assert.Empty(order.Fees);
        Assert.Equal(order.Total, MappedTotal.Of(order).Sum);
    }

    [Fact]
    public void Map_RecyclingFeeCollectedByEbay_CountsOnceAsCollected_TaxesRepeatingItAreNotTheSellers()
    {
        var order = MapSample("order_us_sales_tax_recycling_fee.json");

        Assert.Null(order.Lines[0].TaxAmount);
        Assert.Equal(30.33m, order.MarketplaceCollectedTax!.Value.Amount);
        Assert.Empty(order.Fees);
        Assert.Equal(1.00m, order.ShippingCost.Amount);
        Assert.Equal(294.33m, order.Total!.Value.Amount);
        Assert.Equal(order.Total, MappedTotal.Of(order).Sum);
    }

    [Fact]
    public void Map_FeeNotCollectedByEbay_IsAnOrderFee_TotalAddsUp()
    {
        var order = MapSample("order_us_sales_tax.json", json =>
        {
            json["pricingSummary"]!["fee"] = Amount("3.50");
            json["pricingSummary"]!["total"] = Amount("129.48");
        });

        var fee = Assert.Single(order.Fees);
        Assert.Equal(3.50m, fee.Amount.Amount);
        Assert.Contains("pricingSummary.fee", fee.Title, StringComparison.Ordinal);
        Assert.Equal(order.Total, MappedTotal.Of(order).Sum);
    }

    [Fact]
    public void Map_PriceAdjustment_IsAFeeOrCredit_TotalAddsUp()
    {
        var order = MapSample("order_us_sales_tax.json", json =>
        {
            json["pricingSummary"]!["adjustment"] = Amount("-10.0");
            json["pricingSummary"]!["total"] = Amount("115.98");
        });

        var credit = Assert.Single(order.Fees);
        Assert.Equal(-10.00m, credit.Amount.Amount);
        Assert.Equal(order.Total, MappedTotal.Of(order).Sum);
    }

    [Fact]
    public void Map_SellersOwnTaxBesideCollectedTax_KeepsTheSellersTax()
    {
        var order = MapSample("order_us_sales_tax.json", json =>
            json["lineItems"]![0]!["taxes"] = new System.Text.Json.Nodes.JsonArray(
                new System.Text.Json.Nodes.JsonObject { ["amount"] = Amount("5.98"), ["taxType"] = "STATE_SALES_TAX" },
                new System.Text.Json.Nodes.JsonObject { ["amount"] = Amount("1.20") }));

        Assert.Equal(1.20m, order.Lines[0].TaxAmount!.Value.Amount);
        Assert.Equal(5.98m, order.MarketplaceCollectedTax!.Value.Amount);
    }

    [Fact]
    public void Map_WhiteGoodsDisposableTaxCollectedByEbay_IsAFeeOfEbaysNotTheOrders_TotalAddsUp()
    {
        // WHITE_GOODS_DISPOSABLE_TAX is one of eBay's FeeEnum values, though its name ends in _TAX.
        var order = MapSample("order_us_sales_tax_recycling_fee.json", json =>
        {
            foreach (var entry in json["lineItems"]![0]!["ebayCollectAndRemitTaxes"]!.AsArray().Concat(json["lineItems"]![0]!["taxes"]!.AsArray()))
            {
                if ((string?)entry!["taxType"] == "ELECTRONIC_RECYCLING_FEE")
                {
                    entry["taxType"] = "WHITE_GOODS_DISPOSABLE_TAX";
                }
            }
        });

        Assert.Equal(30.33m, order.MarketplaceCollectedTax!.Value.Amount);
        Assert.Empty(order.Fees);
        Assert.Equal(order.Total, MappedTotal.Of(order).Sum);
    }

    [Fact]
    public void Map_AustralianSiteWithGstCollectedByEbay_IsNet_TheGstMarketplaceCollected()
    {
        var order = MapSample("order_us_sales_tax.json", json =>
        {
            OnAustralianSite(json);
            json["lineItems"]![0]!["ebayCollectAndRemitTaxes"]![0]!["taxType"] = "GST";
        });

        Assert.False(order.PricesIncludeTax);
        Assert.Equal(new Money(5.98m, Aud), order.MarketplaceCollectedTax);
        Assert.Equal(order.Total, MappedTotal.Of(order).Sum);
    }

    [Fact]
    public void Map_AustralianSiteWithoutTaxCollectedByEbay_IsGross_AsADomesticSellersPricesIncludeGst()
    {
        var order = MapSample("order_us_sales_tax.json", json =>
        {
            OnAustralianSite(json);
            json["lineItems"]![0]!.AsObject().Remove("ebayCollectAndRemitTaxes");
            json.Remove("ebayCollectAndRemitTax");
            json["pricingSummary"]!.AsObject().Remove("tax");
            json["pricingSummary"]!["total"] = new System.Text.Json.Nodes.JsonObject { ["value"] = "120.0", ["currency"] = "AUD" };
        });

        Assert.True(order.PricesIncludeTax);
        Assert.Null(order.MarketplaceCollectedTax);
        Assert.Equal(120.00m, order.Lines[0].UnitPrice.Amount);
        Assert.Equal(order.Total, MappedTotal.Of(order).Sum);
    }

    private static readonly CurrencyCode Aud = new("AUD");

    // The order as if sold on eBay Australia: every amount in AUD, the line listed on EBAY_AU.
    private static void OnAustralianSite(System.Text.Json.Nodes.JsonNode node)
    {
        if (node is System.Text.Json.Nodes.JsonObject obj)
        {
            foreach (var (name, value) in obj.ToArray())
            {
                if (name == "currency")
                {
                    obj[name] = "AUD";
                }
                else if (name is "listingMarketplaceId" or "purchaseMarketplaceId")
                {
                    obj[name] = "EBAY_AU";
                }
                else if (value is not null)
                {
                    OnAustralianSite(value);
                }
            }
        }
        else if (node is System.Text.Json.Nodes.JsonArray array)
        {
            foreach (var item in array.OfType<System.Text.Json.Nodes.JsonNode>())
            {
                OnAustralianSite(item);
            }
        }
    }

    private static System.Text.Json.Nodes.JsonObject Amount(string value) => new() { ["value"] = value, ["currency"] = "USD" };

    private static MarketplaceOrder MapSample(string file, Action<System.Text.Json.Nodes.JsonObject>? change = null)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", file)))!.AsObject();
        change?.Invoke(json);
        var payload = JsonSerializer.Deserialize<JsonElement>(json.ToJsonString());
        Assert.True(EbayOrderMapper.TryMap(payload, out var order, out var problem), problem?.Reason);
        return order;
    }
}
