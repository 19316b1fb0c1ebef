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
/// Amazon's <c>ItemPrice</c> and <c>ItemTax</c> are line totals. The unit price is <c>ItemPrice / QuantityOrdered</c>,
/// computed in decimal and rounded half away from zero to <see cref="UnitPriceDecimals"/> places: few enough for an
/// ERP's price column, enough that unit price × quantity rounds back to the line total in cents for any quantity
/// below 10,000. The tax amount stays the line's total tax.
/// </remarks>
internal static class AmazonOrderMapper
{
    /// <summary>The decimal places of a unit price derived from a line total.</summary>
    public const int UnitPriceDecimals = 6;

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
        return new MarketplaceOrder
        {
            OrderNumber = order.AmazonOrderId,
            MarketplaceOrderId = order.AmazonOrderId,
            CreatedAt = ParseInstant(order.PurchaseDate, "PurchaseDate"),
            UpdatedAt = ParseInstant(order.LastUpdateDate, "LastUpdateDate"),
            Currency = currency,
            Status = AmazonOrderStatuses.ToSdk(order.OrderStatus),
            PricesIncludeTax = order.MarketplaceId is null || !NetPriceMarketplaces.Contains(order.MarketplaceId),
            Lines = items.Select(item => MapLine(item, currency, byAmazon, cancelled)).ToArray(),
            ShippingCost = new Money(items.Sum(i => Amount(i.ShippingPrice, currency, $"item {i.OrderItemId} ShippingPrice") ?? 0m), currency),
            ShippingTax = items.Any(i => i.ShippingTax is not null)
                ? new Money(items.Sum(i => Amount(i.ShippingTax, currency, $"item {i.OrderItemId} ShippingTax") ?? 0m), currency)
                : null,
            Total = Amount(order.OrderTotal, currency, "OrderTotal") is { } total ? new Money(total, currency) : null,
            ShippingAddress = MapAddress(order.ShippingAddress),
            BuyerEmail = order.BuyerInfo?.BuyerEmail,
            PaymentMethod = order.PaymentMethod,
        };
    }

    /// <summary>The unit price of a line: its total divided by its quantity, rounded to <see cref="UnitPriceDecimals"/> places.</summary>
    /// <param name="lineTotal">Amazon's <c>ItemPrice</c>.</param>
    /// <param name="quantity">Amazon's <c>QuantityOrdered</c>; a line of 0 units (a cancelled item) keeps its total.</param>
    /// <returns>The unit price.</returns>
    public static decimal UnitPrice(decimal lineTotal, int quantity) =>
        quantity <= 0 ? lineTotal : decimal.Round(lineTotal / quantity, UnitPriceDecimals, MidpointRounding.AwayFromZero);

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

    private static OrderLine MapLine(AmazonOrderItemJson item, CurrencyCode currency, bool byAmazon, bool cancelled)
    {
        var id = item.OrderItemId;
        if (item.QuantityOrdered < 0)
        {
            throw new FormatException($"item {id} has QuantityOrdered {item.QuantityOrdered}");
        }

        // A cancelled item may come without a price; any other item without one would arrive in the ERP at zero.
        var total = Amount(item.ItemPrice, currency, $"item {id} ItemPrice")
            ?? (cancelled ? 0m : throw new FormatException($"item {id} has no ItemPrice"));
        var discount = Amount(item.PromotionDiscount, currency, $"item {id} PromotionDiscount");
        return new OrderLine
        {
            LineId = id,
            ForeignNumber = string.IsNullOrEmpty(item.SellerSKU)
                ? null
                : new ForeignNumber(byAmazon ? ForeignNumberLabel.SkuFba : ForeignNumberLabel.SkuFbm, item.SellerSKU),
            Sku = item.SellerSKU,
            Title = item.Title ?? item.ASIN ?? item.SellerSKU ?? id,
            Quantity = item.QuantityOrdered,
            UnitPrice = new Money(UnitPrice(total, item.QuantityOrdered), currency),
            TaxAmount = Amount(item.ItemTax, currency, $"item {id} ItemTax") is { } tax ? new Money(tax, currency) : null,

            // A promotion of zero is no promotion.
            Discount = discount is { } d && d != 0m ? new Money(d, currency) : null,
        };
    }

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

    private static CurrencyCode ParseCurrency(string text, string field)
    {
        try
        {
            return new CurrencyCode(text);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"{field} '{text}' is not an ISO 4217 currency code: {ex.Message}");
        }
    }

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
