using System.Globalization;
using System.Net;
using System.Text.Json;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Http;
using Connect.Sdk.Orders;
using Connect.Sdk.WooCommerce.Wire;
using NodaTime;
using NodaTime.Text;

namespace Connect.Sdk.WooCommerce.Orders;

/// <summary>
/// Turns WooCommerce's order JSON into the SDK's <see cref="MarketplaceOrder"/>: decimal strings into <see cref="Money"/>
/// in the order's currency (invariant culture), the <c>*_gmt</c> times (no offset, UTC) into <see cref="Instant"/>s,
/// integer ids into strings, and each line's SKU into a foreign number labelled <c>SKU</c>.
/// </summary>
/// <remarks>
/// WooCommerce keeps line totals without tax (<c>total</c>, <c>total_tax</c>), after coupons (which it spreads over the
/// lines: <c>subtotal</c> − <c>total</c>); when the shop enters prices with tax (<c>prices_include_tax</c>) the unit
/// price, shipping cost and fees are given with tax, as the buyer saw them. The order's <c>total</c> is WooCommerce's
/// sum of exactly these: lines after coupons, fees, shipping and their taxes.
/// </remarks>
internal static class WooCommerceOrderMapper
{
    private static readonly LocalDateTimePattern GmtPattern = LocalDateTimePattern.CreateWithInvariantCulture(WooCommerceApi.DateFormat);

    /// <summary>Reads one order of a page or a lookup.</summary>
    /// <param name="json">The order as WooCommerce sent it.</param>
    /// <param name="order">The order, when it could be read.</param>
    /// <param name="unreadable">Otherwise the order number (or id, or a placeholder) and what was wrong.</param>
    /// <returns>Whether the order could be read.</returns>
    public static bool TryMap(JsonElement json, out MarketplaceOrder order, out UnreadableOrder unreadable)
    {
        order = null!;
        unreadable = null!;
        var number = NumberOf(json);
        try
        {
            var wire = json.Deserialize(WooCommerceJsonContext.Default.WooOrderJson) ?? throw new FormatException("the order is null");
            order = Map(wire);
            return true;
        }
        catch (JsonException ex)
        {
            unreadable = new UnreadableOrder(number, $"WooCommerce order {number} could not be read: {JsonFieldProblem.Describe(ex)}");
            return false;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException)
        {
            unreadable = new UnreadableOrder(number, $"WooCommerce order {number} could not be read: {ex.Message}");
            return false;
        }
    }

    /// <summary>Maps a parsed order.</summary>
    /// <param name="wire">The order.</param>
    /// <returns>The SDK's order.</returns>
    /// <exception cref="FormatException">An amount, a time or a quantity is not in WooCommerce's documented format.</exception>
    public static MarketplaceOrder Map(WooOrderJson wire)
    {
        ArgumentNullException.ThrowIfNull(wire);
        var currency = CurrencyCode.TryParse(wire.Currency, out var code)
            ? code
            : throw new FormatException($"currency '{wire.Currency}' is not an ISO 4217 currency code (three letters such as EUR)");
        var gross = wire.PricesIncludeTax;
        var shipping = ParseDecimal(wire.ShippingTotal, "shipping_total");
        var shippingTax = ParseDecimal(wire.ShippingTax, "shipping_tax");
        var rates = PayloadList.WithoutNulls(wire.TaxLines ?? [], "tax_lines").Where(t => t.RatePercent is not null).GroupBy(t => t.RateId).ToDictionary(g => g.Key, g => g.First().RatePercent!.Value / 100m);
        var order = new MarketplaceOrder
        {
            OrderNumber = wire.Number,
            MarketplaceOrderId = wire.Id.ToString(CultureInfo.InvariantCulture),
            CreatedAt = ParseGmt(wire.DateCreatedGmt, "date_created_gmt"),
            UpdatedAt = ParseGmt(wire.DateModifiedGmt, "date_modified_gmt"),
            Currency = currency,
            Status = WooCommerceOrderStatusMap.ToSdk(wire.Status),
            PricesIncludeTax = gross,
            Lines = PayloadList.WithoutNulls(wire.LineItems, "line_items").Select(line => MapLine(line, currency, gross, rates)).ToArray(),
            ShippingCost = new Money(gross ? shipping + shippingTax : shipping, currency),
            ShippingTax = new Money(shippingTax, currency),
            Fees = wire.FeeLines is { Count: > 0 } fees ? [.. PayloadList.WithoutNulls(fees, "fee_lines").Select((fee, i) => MapFee(fee, i, currency, gross))] : [],
            Total = new Money(ParseDecimal(wire.Total, "total"), currency),
            BillingAddress = MapAddress(wire.Billing),
            ShippingAddress = MapAddress(wire.Shipping),
            BuyerEmail = Text(wire.Billing?.Email),
            PaymentMethod = Text(wire.PaymentMethod),
        };
        return order with { RoundingDifference = RoundingDifference(wire, order) };
    }

    /// <summary>Parses one of WooCommerce's decimal strings ("29.35", "-10.00"): a point, never a comma, never an exponent.</summary>
    /// <param name="text">The amount as sent.</param>
    /// <param name="field">The field, for the message.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="FormatException">The text is not such a number.</exception>
    public static decimal ParseDecimal(string text, string field)
    {
        // Invariant culture: on a German server "12,99" must not pass and "12.99" must not become 1299.
        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"{field} '{text}' is not a decimal amount such as 29.35");
    }

    /// <summary>Parses a <c>*_gmt</c> time: no offset, but UTC.</summary>
    /// <param name="text">The time as sent, e.g. <c>2017-03-22T19:28:02</c>.</param>
    /// <param name="field">The field, for the message.</param>
    /// <returns>The instant.</returns>
    /// <exception cref="FormatException">The text is not such a time.</exception>
    public static Instant ParseGmt(string text, string field)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParseGmt(text, out var instant)
            ? instant
            : throw new FormatException($"{field} '{text}' is not a WooCommerce GMT time such as 2017-03-22T19:28:02");
    }

    /// <summary>Parses a <c>*_gmt</c> time, if it is one.</summary>
    /// <param name="text">The time as sent.</param>
    /// <param name="instant">The instant, when it is one.</param>
    /// <returns>Whether the text is such a time.</returns>
    public static bool TryParseGmt(string text, out Instant instant)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = GmtPattern.Parse(text.EndsWith('Z') ? text[..^1] : text);
        instant = result.Success ? result.Value.InUtc().ToInstant() : default;
        return result.Success;
    }

    // With "round tax at subtotal level" WooCommerce rounds the order's total once over unrounded line taxes
    // (calculate_totals), while the REST API formats each line's total and total_tax to 2 decimals: the stated parts can
    // miss the stated total by a cent per line. The difference is WooCommerce's own (its parts against its total, both as
    // sent), stated for the ERP to book; one beyond what rounding explains is left to the totals check to name.
    private static Money? RoundingDifference(WooOrderJson wire, MarketplaceOrder order)
    {
        var parts = ParseDecimal(wire.ShippingTotal, "shipping_total") + ParseDecimal(wire.ShippingTax, "shipping_tax")
            + wire.LineItems.Sum(l => ParseDecimal(l.Total, $"line {l.Id} total") + ParseDecimal(l.TotalTax, $"line {l.Id} total_tax"))
            + (wire.FeeLines ?? []).Sum(f => ParseDecimal(f.Total, "fee_lines total") + ParseDecimal(f.TotalTax, "fee_lines total_tax"));
        var difference = ParseDecimal(wire.Total, "total") - parts;
        return difference != 0m && Math.Abs(difference) <= MappedTotal.MaxRoundingDifference(order).Amount
            ? new Money(difference, order.Currency)
            : null;
    }

    private static OrderLine MapLine(WooLineItemJson line, CurrencyCode currency, bool gross, Dictionary<long, decimal> rates)
    {
        var where = $"line {line.Id}";
        if (line.Quantity < 1)
        {
            throw new FormatException($"{where} has quantity {line.Quantity}");
        }

        var total = ParseDecimal(line.Total, where + " total");
        var totalTax = ParseDecimal(line.TotalTax, where + " total_tax");
        var subtotal = ParseDecimal(line.Subtotal, where + " subtotal");
        var subtotalTax = ParseDecimal(line.SubtotalTax, where + " subtotal_tax");
        var lineAmount = gross ? total + totalTax : total;
        var discount = gross ? subtotal + subtotalTax - lineAmount : subtotal - total;
        var sku = Text(line.Sku);
        return new OrderLine
        {
            LineId = line.Id.ToString(CultureInfo.InvariantCulture),
            ForeignNumber = sku is null ? null : new ForeignNumber(ForeignNumberLabel.Sku, sku),
            Sku = sku,

            // WordPress keeps product names as HTML ("Ship Your Idea &ndash; Color: Black"); the ERP shows plain text.
            Title = WebUtility.HtmlDecode(line.Name),

            // From the line total, not WooCommerce's "price": that is a float of the net price, the total a decimal string.
            UnitPrice = OrderLine.UnitPriceOf(new Money(lineAmount, currency), line.Quantity),
            Quantity = line.Quantity,
            TaxAmount = new Money(totalTax, currency),
            TaxRate = PayloadList.WithoutNulls(line.Taxes ?? [], where + " taxes") is [var only] && rates.TryGetValue(only.Id, out var rate) ? rate : null,
            Discount = discount > 0 ? new Money(discount, currency) : null,
        };
    }

    private static OrderFee MapFee(WooFeeLineJson fee, int index, CurrencyCode currency, bool gross)
    {
        var where = $"fee_lines[{index}]";
        var total = ParseDecimal(fee.Total, where + " total");
        var tax = ParseDecimal(fee.TotalTax, where + " total_tax");
        return new OrderFee
        {
            Title = WebUtility.HtmlDecode(fee.Name),
            Amount = new Money(gross ? total + tax : total, currency),
            TaxAmount = new Money(tax, currency),
        };
    }

    private static Address? MapAddress(WooAddressJson? address)
    {
        if (address is null || (Text(address.Address1) is null && Text(address.City) is null && Text(address.Country) is null))
        {
            return null;
        }

        return new Address
        {
            Name = string.Join(' ', new[] { address.FirstName, address.LastName }.Select(Text).OfType<string>()),
            Company = Text(address.Company),
            Street = address.Address1 ?? string.Empty,
            AddressLine2 = Text(address.Address2),
            PostalCode = address.Postcode ?? string.Empty,
            City = address.City ?? string.Empty,
            Region = Text(address.State),
            CountryCode = address.Country ?? string.Empty,
            Phone = Text(address.Phone),
        };
    }

    // WooCommerce sends "" for a field the buyer left empty.
    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string NumberOf(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            return "(no number)";
        }

        if (json.TryGetProperty("number", out var number) && number.ValueKind == JsonValueKind.String && number.GetString() is { Length: > 0 } text)
        {
            return text;
        }

        return json.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number ? id.GetRawText() : "(no number)";
    }
}
