using System.Globalization;
using Connect.Sdk.Ebay.Wire;

namespace Connect.Sdk.Ebay.Orders;

/// <summary>
/// Reads eBay's amounts exactly: <c>{value: "12.50", currency: "EUR"}</c>, the value a decimal string in the order's
/// currency with no more decimals than its minor unit. Anything else is refused with the order and the field named, so
/// that an order is held rather than imported with wrong money.
/// </summary>
internal static class EbayMoney
{
    /// <summary>Reads an amount.</summary>
    /// <param name="amount">The amount, or <see langword="null"/> when eBay sent none.</param>
    /// <param name="field">The field's path, e.g. <c>lineItems[0].lineItemCost</c>.</param>
    /// <param name="orderId">The order, for the message.</param>
    /// <param name="currency">The order's currency.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="FormatException">The amount is missing, not a decimal, in another currency or finer than the currency's minor unit.</exception>
    public static Money Read(EbayAmountJson? amount, string field, string orderId, CurrencyCode currency) =>
        ReadOptional(amount, field, orderId, currency) ?? throw new FormatException($"eBay order {orderId} has no {field}; its money cannot be read, so it is held.");

    /// <summary>Reads an amount eBay may leave out.</summary>
    /// <param name="amount">The amount, or <see langword="null"/>.</param>
    /// <param name="field">The field's path.</param>
    /// <param name="orderId">The order, for the message.</param>
    /// <param name="currency">The order's currency.</param>
    /// <returns>The amount, or <see langword="null"/> when eBay sent none.</returns>
    /// <exception cref="FormatException">The amount is there but not exact, as for <see cref="Read"/>.</exception>
    public static Money? ReadOptional(EbayAmountJson? amount, string field, string orderId, CurrencyCode currency)
    {
        if (amount is null)
        {
            return null;
        }

        if (!string.Equals(amount.Currency, currency.Value, StringComparison.Ordinal))
        {
            throw new FormatException($"eBay order {orderId}: {field}.currency is '{amount.Currency}', not the order's {currency.Value}; the order is held rather than imported with money in two currencies.");
        }

        if (amount.Value is not { } text
            || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException($"eBay order {orderId}: {field}.value '{amount.Value}' is not a decimal amount such as \"12.50\"; the order is held.");
        }

        if (decimal.Round(value, currency.MinorUnitDecimals) != value)
        {
            throw new FormatException($"eBay order {orderId}: {field}.value '{text}' has more decimals than {currency.Value} has; the order is held rather than imported with a rounded amount.");
        }

        return new Money(value, currency);
    }
}
