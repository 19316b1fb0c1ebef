using System.Globalization;
using Connect.Sdk.Amazon.Wire;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using NodaTime;
using NodaTime.Text;

namespace Connect.Sdk.Amazon.Orders;

/// <summary>
/// Turns an Orders API order and its items into the SDK's <see cref="MarketplaceOrder"/>: decimal strings into money
/// (invariant culture), ISO 8601 times into <see cref="Instant"/>s, ids kept as strings, and each item's seller SKU into
/// a foreign number labelled <c>SKU_FBA</c> (an AFN order) or <c>SKU_FBM</c> (an MFN order).
/// </summary>
/// <remarks>
/// Amazon's <c>ItemPrice</c> and <c>ItemTax</c> are line totals before the line's promotion. What the buyer paid for a
/// line is <c>ItemPrice − PromotionDiscount</c>, its tax <c>ItemTax − PromotionDiscountTax</c>; the unit price is that
/// line total divided by <c>QuantityOrdered</c> (<see cref="OrderLine.UnitPriceOf"/>). Shipping is netted the same way
/// with <c>ShippingDiscount</c> and <c>ShippingDiscountTax</c>; gift wrap and the cash-on-delivery fee are fees, so that
/// the order's amounts add up to <c>OrderTotal</c>.
/// </remarks>
internal static class AmazonOrderMapper
{
    // Amazon's North and South American marketplaces quote prices without sales tax; every other marketplace (Europe,
    // the UK, Japan, Australia, India…) quotes them with VAT or GST included.
    private static readonly HashSet<string> NetPriceMarketplaces = new(StringComparer.Ordinal)
    {
        "ATVPDKIKX0DER", // United States
        "A2EUQ1WTGCTBG2", // Canada
        "A1AM78C64UM0Y8", // Mexico
        "A2Q3Y263D00KWC", // Brazil
    };

    /// <summary>Maps an order and all its items.</summary>
    /// <param name="order">The order as getOrders or getOrder sent it.</param>
    /// <param name="items">Every item of the order (all pages of getOrderItems).</param>
    /// <returns>The SDK's order.</returns>
    /// <exception cref="FormatException">An amount, a time, a currency or a quantity is not as Amazon documents it; the message names the field.</exception>
    public static MarketplaceOrder Map(AmazonOrderJson order, IReadOnlyList<AmazonOrderItemJson> items)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(items);
        var currencyText = order.OrderTotal?.CurrencyCode
            ?? items.Select(i => i.ItemPrice?.CurrencyCode).FirstOrDefault(c => c is not null)
            ?? throw new FormatException("neither OrderTotal nor any item's ItemPrice names a currency");
        var currency = ParseCurrency(currencyText, "OrderTotal.CurrencyCode");
        var byAmazon = string.Equals(order.FulfillmentChannel, "AFN", StringComparison.Ordinal);
        var cancelled = string.Equals(order.OrderStatus, "Canceled", StringComparison.Ordinal);
        var gross = order.MarketplaceId is null || !NetPriceMarketplaces.Contains(order.MarketplaceId);
        return new MarketplaceOrder
        {
            OrderNumber = order.AmazonOrderId,
            MarketplaceOrderId = order.AmazonOrderId,
            CreatedAt = ParseInstant(order.PurchaseDate, "PurchaseDate"),
            UpdatedAt = ParseInstant(order.LastUpdateDate, "LastUpdateDate"),
            Currency = currency,
            Status = AmazonOrderStatuses.ToSdk(order.OrderStatus),
            PricesIncludeTax = gross,
            // An item cancelled out of an order stays in it with QuantityOrdered 0 and no price: it is not a line to book.
            Lines = items.Where(item => item.QuantityOrdered != 0).Select(item => MapLine(item, currency, byAmazon, cancelled, gross)).ToArray(),
            ShippingCost = new Money(items.Sum(i => Net(i.OrderItemId, i.ShippingPrice, "ShippingPrice", i.ShippingDiscount, "ShippingDiscount", currency) ?? 0m), currency),
            ShippingDiscount = NonZero(items.Sum(i => Amount(i.ShippingDiscount, currency, $"item {i.OrderItemId} ShippingDiscount") ?? 0m), currency),
            ShippingTax = items.Any(i => i.ShippingTax is not null)
                ? new Money(items.Sum(i => Net(i.OrderItemId, i.ShippingTax, "ShippingTax", i.ShippingDiscountTax, "ShippingDiscountTax", currency) ?? 0m), currency)
                : null,
            Fees = Fees(items, currency),
            Total = Amount(order.OrderTotal, currency, "OrderTotal") is { } total ? new Money(total, currency) : null,
            ShippingAddress = MapAddress(order.ShippingAddress),
            BuyerEmail = order.BuyerInfo?.BuyerEmail,
            PaymentMethod = order.PaymentMethod,
        };
    }

    /// <summary>Parses one of Amazon's decimal strings ("12.99", "-1.50"): a point, never a comma or an exponent.</summary>
    /// <param name="text">The amount as sent.</param>
    /// <param name="field">The field, for the message.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="FormatException">The text is not such a number.</exception>
    public static decimal ParseDecimal(string text, string field) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"{field} '{text}' is not a decimal amount such as 12.99");

    /// <summary>Parses an ISO 8601 time with <c>Z</c> or an offset, with or without fractions of a second.</summary>
    /// <param name="text">The time as sent.</param>
    /// <param name="field">The field, for the message.</param>
    /// <returns>The instant.</returns>
    /// <exception cref="FormatException">The text is not such a time.</exception>
    public static Instant ParseInstant(string text, string field)
    {
        if (InstantPattern.ExtendedIso.Parse(text) is { Success: true } instant)
        {
            return instant.Value;
        }

        return OffsetDateTimePattern.ExtendedIso.Parse(text) is { Success: true } offset
            ? offset.Value.ToInstant()
            : throw new FormatException($"{field} '{text}' is not an ISO 8601 time such as 2026-11-23T15:25:46Z");
    }

    private static OrderLine MapLine(AmazonOrderItemJson item, CurrencyCode currency, bool byAmazon, bool cancelled, bool gross)
    {
        var id = item.OrderItemId;
        if (item.QuantityOrdered < 0)
        {
            throw new FormatException($"item {id} has QuantityOrdered {item.QuantityOrdered}");
        }

        // A cancelled item may come without a price; any other item without one would arrive in the ERP at zero.
        var paid = Net(id, item.ItemPrice, "ItemPrice", item.PromotionDiscount, "PromotionDiscount", currency)
            ?? (cancelled ? 0m : throw new FormatException($"item {id} has no ItemPrice"));
        return new OrderLine
        {
            LineId = id,
            ForeignNumber = string.IsNullOrEmpty(item.SellerSKU)
                ? null
                : new ForeignNumber(byAmazon ? ForeignNumberLabel.SkuFba : ForeignNumberLabel.SkuFbm, item.SellerSKU),
            Sku = item.SellerSKU,
            Title = item.Title ?? item.ASIN ?? item.SellerSKU ?? id,
            Quantity = item.QuantityOrdered,
            UnitPrice = OrderLine.UnitPriceOf(new Money(paid, currency), item.QuantityOrdered),
            TaxAmount = TaxOf(item, paid, currency, gross),
            Discount = NonZero(Amount(item.PromotionDiscount, currency, $"item {id} PromotionDiscount") ?? 0m, currency),
        };
    }

    // Where prices include VAT, Amazon often sends ItemTax "0.00" for a line whose price has VAT in it (the tax is worked
    // out later, in its invoicing): a zero there is not "0 % VAT" but "not known", and booking it would book no VAT.
    private static Money? TaxOf(AmazonOrderItemJson item, decimal paid, CurrencyCode currency, bool gross)
    {
        var unknown = gross && paid != 0m && Amount(item.ItemTax, currency, $"item {item.OrderItemId} ItemTax") == 0m;
        return !unknown && Net(item.OrderItemId, item.ItemTax, "ItemTax", item.PromotionDiscountTax, "PromotionDiscountTax", currency) is { } tax
            ? new Money(tax, currency)
            : null;
    }

    // Gift wrap and the cash-on-delivery fee are charged per item, and OrderTotal includes them; each becomes one fee of
    // the order, summed over its items, like the shipping. None when no item charges it.
    private static OrderFee[] Fees(IReadOnlyList<AmazonOrderItemJson> items, CurrencyCode currency)
    {
        var fees = new List<OrderFee>();
        var giftWrap = items.Sum(i => Amount(i.BuyerInfo?.GiftWrapPrice, currency, $"item {i.OrderItemId} BuyerInfo.GiftWrapPrice") ?? 0m);
        var giftWrapTax = items.Sum(i => Amount(i.BuyerInfo?.GiftWrapTax, currency, $"item {i.OrderItemId} BuyerInfo.GiftWrapTax") ?? 0m);
        if (giftWrap != 0m || giftWrapTax != 0m)
        {
            var taxed = items.Any(i => i.BuyerInfo?.GiftWrapTax is not null);
            fees.Add(new OrderFee { Title = "Gift wrap", Amount = new Money(giftWrap, currency), TaxAmount = taxed ? new Money(giftWrapTax, currency) : null });
        }

        var cashOnDelivery = items.Sum(i => Net(i.OrderItemId, i.CODFee, "CODFee", i.CODFeeDiscount, "CODFeeDiscount", currency) ?? 0m);
        if (cashOnDelivery != 0m)
        {
            fees.Add(new OrderFee { Title = "Cash on delivery", Amount = new Money(cashOnDelivery, currency) });
        }

        return [.. fees];
    }

    // An amount less its discount (ItemPrice − PromotionDiscount, ShippingTax − ShippingDiscountTax…); null when the amount is absent.
    private static decimal? Net(string item, AmazonMoneyJson? amount, string amountField, AmazonMoneyJson? discount, string discountField, CurrencyCode currency) =>
        Amount(amount, currency, $"item {item} {amountField}") is { } value
            ? value - (Amount(discount, currency, $"item {item} {discountField}") ?? 0m)
            : null;

    // A discount of zero is no discount.
    private static Money? NonZero(decimal amount, CurrencyCode currency) => amount == 0m ? null : new Money(amount, currency);

    private static decimal? Amount(AmazonMoneyJson? money, CurrencyCode currency, string field)
    {
        if (money is null)
        {
            return null;
        }

        if (!string.Equals(money.CurrencyCode, currency.Value, StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"{field} is in {money.CurrencyCode}, the order in {currency}");
        }

        return ParseDecimal(money.Amount, field);
    }

    private static CurrencyCode ParseCurrency(string text, string field) => CurrencyCode.TryParse(text, out var code)
        ? code
        : throw new FormatException($"{field} '{text}' is not an ISO 4217 currency code (three letters such as EUR)");

    // Without a restricted data token Amazon sends only city, region, postal code and country; the rest stays empty.
    private static Address? MapAddress(AmazonAddressJson? address) => address is null
        ? null
        : new Address
        {
            Name = address.Name ?? string.Empty,
            Company = address.CompanyName,
            Street = address.AddressLine1 ?? string.Empty,
            AddressLine2 = JoinLines(address.AddressLine2, address.AddressLine3),
            PostalCode = address.PostalCode ?? string.Empty,
            City = address.City ?? string.Empty,
            Region = address.StateOrRegion,
            CountryCode = address.CountryCode ?? string.Empty,
            Phone = address.Phone,
        };

    private static string? JoinLines(string? second, string? third) =>
        string.IsNullOrWhiteSpace(third) ? second : string.IsNullOrWhiteSpace(second) ? third : $"{second}, {third}";
}
