namespace Basar.Connector.Orders;

/// <summary>
/// Turns Basar's order JSON into the SDK's <see cref="MarketplaceOrder"/>: decimal strings into <see cref="Money"/> in
/// the order's currency (invariant culture, whatever the server's culture), ISO 8601 times into <see cref="Instant"/>s,
/// and each line's offer id into a foreign number labelled <see cref="BasarConnector.OfferIdLabel"/>.
/// </summary>
internal static class BasarOrderMapper
{
    /// <summary>Reads one raw order of a page or a lookup; an order that cannot be read names its number and the field.</summary>
    public static readonly TryMapOrder<JsonElement> TryMap = JsonOrderMapping.For(BasarJsonContext.Default.BasarOrderJson, Map, "Basar");

    /// <summary>Maps a parsed order.</summary>
    /// <param name="wire">The order.</param>
    /// <returns>The SDK's order.</returns>
    /// <exception cref="FormatException">An amount, a time or the status is not in Basar's documented format.</exception>
    public static MarketplaceOrder Map(BasarOrderJson wire)
    {
        var currency = new CurrencyCode(wire.Currency);
        return new MarketplaceOrder
        {
            OrderNumber = wire.Number,
            MarketplaceOrderId = wire.Id,
            CreatedAt = ParseInstant(wire.CreatedAt, "createdAt"),
            UpdatedAt = ParseInstant(wire.UpdatedAt, "updatedAt"),
            Currency = currency,
            Status = new OrderStatus(wire.Status),
            PricesIncludeTax = wire.PricesIncludeTax,
            Lines = wire.Lines.Select(line => MapLine(line, currency)).ToArray(),
            ShippingCost = ParseMoney(wire.Shipping.Cost, currency, "shipping.cost"),
            ShippingTax = ParseOptionalMoney(wire.Shipping.Tax, currency, "shipping.tax"),
            Total = ParseOptionalMoney(wire.Total, currency, "total"),
            BillingAddress = wire.BillingAddress,
            ShippingAddress = wire.ShippingAddress,
            BuyerEmail = wire.BuyerEmail,
            PaymentMethod = wire.PaymentMethod,
        };
    }

    /// <summary>Parses one of Basar's decimal strings ("12.99", "-1.50"): a point, never a comma, never an exponent.</summary>
    /// <param name="text">The amount as sent.</param>
    /// <param name="field">The field, for the message.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="FormatException">The text is not such a number.</exception>
    public static decimal ParseDecimal(string text, string field)
        // Invariant culture: on a German server "12,99" must not pass and "12.99" must not become 1299.
        => decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"{field} '{text}' is not a decimal amount such as 12.99");

    private static OrderLine MapLine(BasarOrderLineJson line, CurrencyCode currency) => new()
    {
        LineId = line.LineId,
        ForeignNumber = string.IsNullOrEmpty(line.OfferId) ? null : new ForeignNumber(BasarConnector.OfferIdLabel, line.OfferId),
        Sku = line.SellerSku,
        Title = line.Title,
        Quantity = line.Quantity >= 1 ? line.Quantity : throw new FormatException($"line {line.LineId} has quantity {line.Quantity}"),
        UnitPrice = ParseMoney(line.UnitPrice, currency, $"line {line.LineId} unitPrice"),
        TaxRate = line.TaxRate is null ? null : ParseDecimal(line.TaxRate, $"line {line.LineId} taxRate"),
        TaxAmount = ParseOptionalMoney(line.TaxAmount, currency, $"line {line.LineId} taxAmount"),
        Discount = ParseOptionalMoney(line.Discount, currency, $"line {line.LineId} discount"),
    };

    private static Money ParseMoney(string text, CurrencyCode currency, string field) => new(ParseDecimal(text, field), currency);

    private static Money? ParseOptionalMoney(string? text, CurrencyCode currency, string field) =>
        text is null ? null : ParseMoney(text, currency, field);

    private static Instant ParseInstant(string text, string field) =>
        InstantPattern.ExtendedIso.Parse(text) is { Success: true } result
            ? result.Value
            : throw new FormatException($"{field} '{text}' is not an ISO 8601 UTC time such as 2026-11-23T15:25:46Z");
}
