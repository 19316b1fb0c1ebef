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
/// decimals than the order rounds to (<c>itemRounding.decimals</c>, <c>totalRounding.decimals</c>), a line item that is
/// neither a product nor a promotion (a credit, a custom item), or a missing association holds the order with a message
/// naming it and the field, instead of importing it with wrong money. A promotion goes onto the lines it discounted where
/// Shopware states that exactly (<see cref="PromotionAllocation"/>), else it is a credit: a negative fee with its tax.
/// </summary>
internal static class ShopwareOrderMapper
{
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
        var items = (order.LineItems ?? throw new FormatException("lineItems is missing")).OrderBy(l => l.Position ?? 0).ToArray();
        var itemDecimals = order.ItemRounding?.Decimals ?? order.Currency?.ItemRounding?.Decimals ?? currency.MinorUnitDecimals;
        var totalDecimals = order.TotalRounding?.Decimals ?? order.Currency?.TotalRounding?.Decimals ?? itemDecimals;
        var (lines, fees) = Positions(items, currency, itemDecimals);
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
            Lines = lines,
            Fees = fees,
            ShippingCost = Money(shipping.TotalPrice, "shippingCosts.totalPrice", currency, itemDecimals),
            ShippingTax = shippingTaxes.Count == 0 ? null : Money(shippingTaxes.Sum(t => t.Tax), "shippingCosts.calculatedTaxes[].tax", currency, itemDecimals),
            Total = Money(order.AmountTotal, "amountTotal", currency, totalDecimals),
            BillingAddress = Address(order.BillingAddress),
            ShippingAddress = Address(delivery?.ShippingOrderAddress),
            BuyerEmail = order.OrderCustomer?.Email,
            PaymentMethod = order.Transactions is [.., var last] ? last.PaymentMethod?.Name : null,
        };
    }

    // The product lines at their prices, then each promotion onto them or as a credit; any other item holds the order.
    private static (OrderLine[] Lines, OrderFee[] Fees) Positions(LineItemJson[] items, CurrencyCode currency, int decimals)
    {
        var products = new List<(LineItemJson Item, OrderLine Line)>();
        var promotions = new List<(LineItemJson Item, int Index)>();
        for (var i = 0; i < items.Length; i++)
        {
            switch (items[i].Type)
            {
                case "product":
                    products.Add((items[i], Line(items[i], i, currency, decimals)));
                    break;
                case "promotion":
                    promotions.Add((items[i], i));
                    break;
                default:
                    throw new FormatException($"lineItems[{i}] (id {items[i].Id}) is of type '{items[i].Type}': the SDK imports product and promotion lines only, and leaving it out would change the order's money");
            }
        }

        var identifiers = products.Select(p => p.Item.Identifier).ToArray();
        var lines = products.Select(p => p.Line).ToArray();
        var fees = new List<OrderFee>();
        foreach (var (promotion, index) in promotions)
        {
            var total = Money(promotion.TotalPrice, $"lineItems[{index}].totalPrice", currency, decimals);
            if (total.Amount > 0m)
            {
                throw new FormatException($"lineItems[{index}] (id {promotion.Id}) is a promotion of +{total.Amount.ToString(CultureInfo.InvariantCulture)}: a promotion that adds money is not imported");
            }

            var taxes = promotion.Price?.CalculatedTaxes ?? [];
            if (PromotionAllocation.TryApply(promotion, identifiers, lines, decimals) is { } discounted)
            {
                lines = discounted;
                continue;
            }

            fees.Add(new OrderFee
            {
                Title = promotion.Label ?? promotion.Payload?.Code ?? "Promotion",
                Amount = total,
                TaxAmount = taxes.Count == 0 ? null : Money(taxes.Sum(t => t.Tax), $"lineItems[{index}].price.calculatedTaxes[].tax", currency, decimals),
            });
        }

        return (lines, [.. fees]);
    }

    private static OrderLine Line(LineItemJson line, int index, CurrencyCode currency, int decimals)
    {
        var number = line.Payload?.ProductNumber ?? throw new FormatException($"lineItems[{index}].payload.productNumber is missing");
        var taxes = line.Price?.CalculatedTaxes ?? [];
        return new OrderLine
        {
            LineId = line.Id,
            ForeignNumber = new ForeignNumber(ShopwareConnector.ProductNumberLabel, number),
            Sku = number,
            Title = line.Label ?? string.Empty,
            Quantity = line.Quantity ?? throw new FormatException($"lineItems[{index}].quantity is missing"),
            UnitPrice = Money(line.UnitPrice, $"lineItems[{index}].unitPrice", currency, decimals),
            TaxRate = taxes.Count == 1 ? taxes[0].TaxRate / 100m : null,
            TaxAmount = taxes.Count == 0 ? null : Money(taxes.Sum(t => t.Tax), $"lineItems[{index}].price.calculatedTaxes[].tax", currency, decimals),
        };
    }

    private static Money Money(decimal? amount, string field, CurrencyCode currency, int decimals)
    {
        var value = amount ?? throw new FormatException($"{field} is missing");
        if (decimal.Round(value, decimals) != value)
        {
            throw new FormatException($"{field} is {value.ToString(CultureInfo.InvariantCulture)}, which has more decimals than the {decimals} the order rounds {currency} to; the SDK does not round money it imports");
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
