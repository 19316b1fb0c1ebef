using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Http;
using Connect.Sdk.Orders;
using Connect.Sdk.Shopify.Wire;
using NodaTime;
using NodaTime.Text;

namespace Connect.Sdk.Shopify.Orders;

/// <summary>
/// Turns a Shopify order into the SDK's <see cref="MarketplaceOrder"/>: money in the shop's currency as decimal, times
/// from <c>createdAt</c>/<c>updatedAt</c>, ids as strings (the last segment of each GID). An order that lacks what the
/// ERP cannot do without is not guessed at: it is reported unreadable with the field that is missing.
/// </summary>
internal static class ShopifyOrderMapper
{
    /// <summary>Reads and maps an order.</summary>
    /// <param name="json">The order node as Shopify sent it.</param>
    /// <param name="order">The mapped order.</param>
    /// <param name="problem">Why it could not be read, naming the order and Shopify's field by its path in the order.</param>
    /// <returns>Whether it could be read.</returns>
    public static bool TryMap(JsonElement json, [NotNullWhen(true)] out MarketplaceOrder? order, [NotNullWhen(false)] out UnreadableOrder? problem)
    {
        order = null;
        problem = null;
        var number = NumberOf(ShopifyOrderNode.NameOf(json)) ?? (ShopifyOrderNode.IdOf(json) is { } gid ? ShopifyGid.IdOf(gid) : "(no name)");
        try
        {
            var wire = json.Deserialize(ShopifyJsonContext.Default.ShopifyOrderJson) ?? throw new FormatException("the order is null");
            order = Map(wire, number);
            return true;
        }
        catch (JsonException ex)
        {
            // The serializer's own message names .NET types; Shopify's field path is what the user can look up.
            problem = Unreadable(number, JsonFieldProblem.Describe(ex));
        }
        catch (Exception ex) when (ex is FormatException or ArithmeticException)
        {
            problem = Unreadable(number, ex.Message);
        }

        return false;
    }

    /// <summary>The order number the ERP sees: the order's name without Shopify's <c>#</c>.</summary>
    /// <param name="name">The name, e.g. <c>#1001</c>.</param>
    /// <returns>The number, or <see langword="null"/> for an empty name.</returns>
    public static string? NumberOf(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim().TrimStart('#');

    private static UnreadableOrder Unreadable(string number, string why) => new(number, $"Shopify order {number} cannot be read: {why}");

    private static MarketplaceOrder Map(ShopifyOrderJson json, string number)
    {
        var id = Required(json.Id, "id");
        _ = Required(json.Name, "name");
        var currency = CurrencyOf(json.CurrencyCode);
        var lineItems = PayloadList.WithoutNulls(json.LineItems?.Nodes ?? throw new FormatException("field 'lineItems' is missing"), "lineItems.nodes");
        if (json.LineItems.PageInfo?.HasNextPage == true)
        {
            // The feature reads the rest before mapping; lines left unread would be an incomplete order, never imported as one.
            throw new FormatException("Shopify has more lines for it than were read");
        }

        var shippingLines = PayloadList.WithoutNulls(json.ShippingLines?.Nodes ?? [], "shippingLines.nodes");
        var shippingTaxes = shippingLines.SelectMany((l, i) => ListOf(l.TaxLines, $"shippingLines.nodes[{i}].taxLines").Select((t, j) => Money(t.PriceSet, currency, $"shippingLines.nodes[{i}].taxLines[{j}].priceSet"))).ToList();
        var shippingDiscounts = shippingLines.SelectMany((l, i) => ListOf(l.DiscountAllocations, $"shippingLines.nodes[{i}].discountAllocations").Select((d, j) => Money(d.AllocatedAmountSet, currency, $"shippingLines.nodes[{i}].discountAllocations[{j}].allocatedAmountSet"))).ToList();
        return new MarketplaceOrder
        {
            OrderNumber = number,
            MarketplaceOrderId = ShopifyGid.IdOf(id),
            CreatedAt = Time(json.CreatedAt, "createdAt"),
            UpdatedAt = Time(json.UpdatedAt, "updatedAt"),
            Currency = currency,
            Status = StatusOf(json),
            PricesIncludeTax = json.TaxesIncluded ?? false,
            Lines = lineItems.Select((line, i) => MapLine(line, i, currency)).OfType<OrderLine>().ToArray(),
            ShippingCost = Sum(shippingLines.Select((l, i) => Money(l.DiscountedPriceSet, currency, $"shippingLines.nodes[{i}].discountedPriceSet") ?? throw new FormatException($"field 'shippingLines.nodes[{i}].discountedPriceSet' is missing")).Cast<Money?>(), currency),
            ShippingDiscount = shippingDiscounts.Count == 0 ? null : Sum(shippingDiscounts, currency),
            ShippingTax = shippingTaxes.Count == 0 ? null : Sum(shippingTaxes, currency),
            Fees = Fees(json, currency),

            // After refunds and edits, as the lines are (currentQuantity): one snapshot of the order as it stands.
            Total = Money(json.CurrentTotalPriceSet, currency, "currentTotalPriceSet"),
            BillingAddress = AddressOf(json.BillingAddress, "billingAddress"),
            ShippingAddress = AddressOf(json.ShippingAddress, "shippingAddress"),
            BuyerEmail = Empty(json.Email),
            PaymentMethod = json.PaymentGatewayNames is { Count: > 0 } gateways ? string.Join(", ", gateways) : null,
        };
    }

    // Tips, duties and additional fees are inside the order's total but on no line: each is a fee, when not zero.
    private static OrderFee[] Fees(ShopifyOrderJson json, CurrencyCode currency) =>
    [
        .. new[]
        {
            (Title: "Tip", Amount: Money(json.TotalTipReceivedSet, currency, "totalTipReceivedSet")),
            (Title: "Duties", Amount: Money(json.CurrentTotalDutiesSet, currency, "currentTotalDutiesSet")),
            (Title: "Additional fees", Amount: Money(json.CurrentTotalAdditionalFeesSet, currency, "currentTotalAdditionalFeesSet")),
        }
        .Where(fee => fee.Amount is { Amount: not 0m })
        .Select(fee => new OrderFee { Title = fee.Title, Amount = fee.Amount!.Value }),
    ];

    private static OrderLine? MapLine(ShopifyLineItemJson line, int index, CurrencyCode currency)
    {
        var path = $"lineItems.nodes[{index}]";
        var taxes = ListOf(line.TaxLines, path + ".taxLines");
        var discounts = ListOf(line.DiscountAllocations, path + ".discountAllocations");
        var ordered = line.Quantity ?? throw new FormatException($"field '{path}.quantity' is missing");

        // currentQuantity leaves out what an order edit removed (and what was refunded): a line at 0 is not imported, with
        // its taxes and discounts, as currentTotalPriceSet leaves it out. A line with some units left cannot be booked as
        // paid: its taxLines and discountAllocations still count every unit ordered, and Shopify states no current tax.
        var quantity = line.CurrentQuantity ?? ordered;
        if (quantity <= 0)
        {
            return null;
        }

        if (quantity < ordered)
        {
            throw new FormatException(
                $"{path} was partly refunded or edited before the import ({quantity} of {ordered} units remain), and Shopify states "
                + $"its taxLines and discountAllocations for all {ordered} units, so what the buyer paid for the rest is not known; enter the order in the ERP by hand");
        }

        var original = Money(line.OriginalUnitPriceSet, currency, path + ".originalUnitPriceSet") ?? throw new FormatException($"field '{path}.originalUnitPriceSet' is missing");
        var discount = discounts.Count == 0 ? null : (Money?)Sum(discounts.Select((d, i) => Money(d.AllocatedAmountSet, currency, $"{path}.discountAllocations[{i}].allocatedAmountSet")), currency);
        return new OrderLine
        {
            LineId = ShopifyGid.IdOf(Required(line.Id, path + ".id")),
            ForeignNumber = ForeignNumberOf(line),
            Sku = Empty(line.Sku),
            Title = line.Title ?? string.Empty,
            Quantity = quantity,
            UnitPrice = UnitPriceAfterDiscount(original, discount, ordered),
            TaxRate = taxes.Count == 0 || taxes.Any(t => t.Rate is null) ? null : taxes.Sum(t => t.Rate!.Value),
            TaxAmount = taxes.Count == 0 ? null : Sum(taxes.Select((t, i) => Money(t.PriceSet, currency, $"{path}.taxLines[{i}].priceSet")), currency),
            Discount = discount,
        };
    }

    // The SDK's unit price is after line discounts: the original price less the line's discount spread over the units
    // ordered, (original × quantity − discount) / quantity.
    private static Money UnitPriceAfterDiscount(Money original, Money? discount, int ordered) =>
        discount is not { } d ? original : OrderLine.UnitPriceOf((original * ordered) - d, ordered);

    // A product without options is mapped in the ERP as a simple article (shopifyproductid); a variant of a product
    // with options as a variant (shopifyvariantid). A custom line has neither.
    private static ForeignNumber? ForeignNumberOf(ShopifyLineItemJson line)
    {
        if (line.Product is { Id: { } product, HasOnlyDefaultVariant: true })
        {
            return new ForeignNumber(ForeignNumberLabel.ShopifyProductId, ShopifyGid.IdOf(product));
        }

        return line.Variant?.Id is { } variant ? new ForeignNumber(ForeignNumberLabel.ShopifyVariantId, ShopifyGid.IdOf(variant)) : null;
    }

    private static OrderStatus StatusOf(ShopifyOrderJson json) =>
        json.CancelledAt is not null ? OrderStatus.Cancelled
        : json.DisplayFulfillmentStatus == "FULFILLED" ? OrderStatus.Shipped
        : json.DisplayFulfillmentStatus == "PARTIALLY_FULFILLED" ? OrderStatus.PartiallyShipped
        : json.DisplayFinancialStatus is "PENDING" or "AUTHORIZED" or "EXPIRED" ? OrderStatus.Pending
        : OrderStatus.Open;

    private static Address? AddressOf(ShopifyAddressJson? json, string path) => json is null ? null : new Address
    {
        Name = json.Name ?? string.Empty,
        Company = Empty(json.Company),
        Street = json.Address1 ?? string.Empty,
        AddressLine2 = Empty(json.Address2),
        PostalCode = json.Zip ?? string.Empty,
        City = json.City ?? string.Empty,
        Region = Empty(json.Province),
        CountryCode = Required(json.CountryCodeV2, path + ".countryCodeV2"),
        Phone = Empty(json.Phone),
    };

    private static Money? Money(ShopifyMoneyBagJson? bag, CurrencyCode currency, string path)
    {
        if (bag is null)
        {
            return null;
        }

        var money = bag.ShopMoney ?? throw new FormatException($"field '{path}.shopMoney' is missing");
        var amount = money.Amount ?? throw new FormatException($"field '{path}.shopMoney.amount' is missing");
        if (money.CurrencyCode is { } code && !string.Equals(code, currency.Value, StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"field '{path}.shopMoney' is in {code}, not the order's {currency}");
        }

        return new Money(amount, currency);
    }

    // A list Shopify sends may be absent (none) but holds no null: one would be this order's flaw, named by its field.
    private static IReadOnlyList<T> ListOf<T>(IReadOnlyList<T?>? items, string field)
        where T : class => items is null ? [] : PayloadList.WithoutNulls(items, field);

    private static CurrencyCode CurrencyOf(string? code)
    {
        var value = Required(code, "currencyCode");
        try
        {
            return new CurrencyCode(value);
        }
        catch (ArgumentException)
        {
            // CurrencyCode's own message names its C# parameter; the user needs Shopify's field.
            throw new FormatException($"field 'currencyCode' is not an ISO 4217 currency code: '{value}'");
        }
    }

    private static Money Sum(IEnumerable<Money?> amounts, CurrencyCode currency) =>
        amounts.Aggregate(Connect.Sdk.Money.Zero(currency), (total, next) => next is { } amount ? total + amount : total);

    private static Instant Time(string? text, string field)
    {
        var value = Required(text, field);
        var parsed = OffsetDateTimePattern.ExtendedIso.Parse(value);
        return parsed.Success
            ? parsed.Value.ToInstant()
            : InstantPattern.ExtendedIso.Parse(value).TryGetValue(default, out var instant)
                ? instant
                : throw new FormatException($"field '{field}' is not an ISO 8601 time: '{value}'");
    }

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new FormatException($"field '{field}' is missing") : value;

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
