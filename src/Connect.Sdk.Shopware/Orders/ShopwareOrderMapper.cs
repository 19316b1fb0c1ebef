using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Http;
using Connect.Sdk.Orders;
using Connect.Sdk.Shopware.Wire;
using NodaTime;

namespace Connect.Sdk.Shopware.Orders;

/// <summary>
/// Maps Shopware's order entity to the SDK's order. Money is read as the JSON number's exact decimal; an amount with more
/// decimals than the currency's two, a line item that is not a product (a promotion, a credit), or a missing association
/// holds the order with a message naming it and the field, instead of importing it with wrong money.
/// </summary>
internal static class ShopwareOrderMapper
{
    private const int MoneyDecimals = 2;

    /// <summary>The mapping of one raw order, for the SDK's paging helpers.</summary>
    public static TryMapOrder<JsonElement> TryMap { get; } = JsonOrderMapping.For(ShopwareJsonContext.Default.OrderJson, Map, "Shopware", "orderNumber");

    /// <summary>Maps one order.</summary>
    /// <exception cref="FormatException">A field is missing or not in the documented format; the message names it.</exception>
    public static MarketplaceOrder Map(OrderJson order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var currency = new CurrencyCode(order.Currency?.IsoCode ?? throw new FormatException("currency.isoCode is missing"));
        var created = Time(order.OrderDateTime ?? order.CreatedAt, "orderDateTime");
        var delivery = order.Deliveries is [var first, ..] ? first : null;
        var lines = (order.LineItems ?? throw new FormatException("lineItems is missing")).OrderBy(l => l.Position ?? 0).ToArray();
        var shipping = order.ShippingCosts ?? throw new FormatException("shippingCosts is missing");
        var shippingTaxes = shipping.CalculatedTaxes ?? [];
        return new MarketplaceOrder
        {
            OrderNumber = order.OrderNumber ?? throw new FormatException("orderNumber is missing"),
            MarketplaceOrderId = order.Id,
            CreatedAt = created,
            UpdatedAt = order.UpdatedAt is { } updated ? Time(updated, "updatedAt") : Time(order.CreatedAt ?? order.OrderDateTime, "createdAt"),
            Currency = currency,
            Status = Status(order.StateMachineState?.TechnicalName, delivery?.StateMachineState?.TechnicalName),
            PricesIncludeTax = (order.Price?.TaxStatus ?? order.TaxStatus) == "gross",
            Lines = [.. lines.Select((l, i) => Line(l, i, currency))],
            ShippingCost = Money(shipping.TotalPrice, "shippingCosts.totalPrice", currency),
            ShippingTax = shippingTaxes.Count == 0 ? null : Money(shippingTaxes.Sum(t => t.Tax), "shippingCosts.calculatedTaxes[].tax", currency),
            Total = Money(order.AmountTotal, "amountTotal", currency),
            BillingAddress = Address(order.BillingAddress),
            ShippingAddress = Address(delivery?.ShippingOrderAddress),
            BuyerEmail = order.OrderCustomer?.Email,
            PaymentMethod = order.Transactions is [.., var last] ? last.PaymentMethod?.Name : null,
        };
    }

    private static OrderLine Line(LineItemJson line, int index, CurrencyCode currency)
    {
        if (line.Type != "product")
        {
            throw new FormatException($"lineItems[{index}] (id {line.Id}) is of type '{line.Type}': the SDK imports product lines only, and leaving it out would change the order's money");
        }

        var number = line.Payload?.ProductNumber ?? throw new FormatException($"lineItems[{index}].payload.productNumber is missing");
        var taxes = line.Price?.CalculatedTaxes ?? [];
        return new OrderLine
        {
            LineId = line.Id,
            ForeignNumber = new ForeignNumber(ShopwareConnector.ProductNumberLabel, number),
            Sku = number,
            Title = line.Label ?? string.Empty,
            Quantity = line.Quantity ?? throw new FormatException($"lineItems[{index}].quantity is missing"),
            UnitPrice = Money(line.UnitPrice, $"lineItems[{index}].unitPrice", currency),
            TaxRate = taxes.Count == 1 ? taxes[0].TaxRate / 100m : null,
            TaxAmount = taxes.Count == 0 ? null : Money(taxes.Sum(t => t.Tax), $"lineItems[{index}].price.calculatedTaxes[].tax", currency),
        };
    }

    private static Money Money(decimal? amount, string field, CurrencyCode currency)
    {
        var value = amount ?? throw new FormatException($"{field} is missing");
        if (decimal.Round(value, MoneyDecimals) != value)
        {
            throw new FormatException($"{field} is {value.ToString(CultureInfo.InvariantCulture)}, which has more decimals than the currency's {MoneyDecimals}; the SDK does not round money it imports");
        }

        return new Money(value, currency);
    }

    private static Instant Time(string? text, string field) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? Instant.FromDateTimeOffset(at)
            : throw new FormatException($"{field} is '{text}', not a date and time");

    private static OrderStatus Status(string? order, string? delivery) => (delivery, order) switch
    {
        ("shipped", _) => OrderStatus.Shipped,
        ("shipped_partially", _) => OrderStatus.PartiallyShipped,
        (_, "cancelled") => OrderStatus.Cancelled,
        (_, "completed") => OrderStatus.Completed,
        _ => OrderStatus.Open,
    };

    private static Address? Address(AddressJson? address) => address is null
        ? null
        : new Address
        {
            Name = $"{address.FirstName} {address.LastName}".Trim(),
            Company = address.Company,
            Street = address.Street ?? string.Empty,
            AddressLine2 = address.AdditionalAddressLine1,
            PostalCode = address.Zipcode ?? string.Empty,
            City = address.City ?? string.Empty,
            Region = address.CountryState?.ShortCode,
            CountryCode = address.Country?.Iso ?? string.Empty,
            Phone = address.PhoneNumber,
        };
}
