using System.Text.Json;
using Connect.Sdk.Ebay.Wire;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Http;
using Connect.Sdk.Orders;
using NodaTime.Text;

namespace Connect.Sdk.Ebay.Orders;

/// <summary>
/// Maps a Fulfillment API order onto the SDK's order: money from <c>pricingSummary</c> and the line items' amounts, read
/// exactly (<see cref="EbayMoney"/>), each after its discounts with the discount beside it; tax eBay collects and remits
/// apart from the seller's; gross or net as the listing's site and the tax eBay collected say (<see cref="EbaySiteTax"/>). An order whose money or dates
/// cannot be read is unreadable, named with its field, and held; the others on its page are imported.
/// </summary>
internal static class EbayOrderMapper
{
    private static readonly InstantPattern EbayDate = InstantPattern.ExtendedIso;

    /// <summary>Maps one order of a page; a flawed one comes back unreadable with its reason.</summary>
    public static TryMapOrder<JsonElement> TryMap { get; } = JsonOrderMapping.For(EbayJsonContext.Default.EbayOrderJson, Map, "eBay", "orderId");

    /// <summary>Maps an order.</summary>
    /// <param name="order">The order as eBay sent it.</param>
    /// <returns>The SDK's order.</returns>
    /// <exception cref="FormatException">A date, an amount or a line is not what eBay documents; names the order and the field.</exception>
    public static MarketplaceOrder Map(EbayOrderJson order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var id = order.OrderId;
        if (string.IsNullOrWhiteSpace(order.PricingSummary?.Total?.Currency) || order.PricingSummary.Total.Currency.Length != 3)
        {
            throw new FormatException($"eBay order {id}: pricingSummary.total.currency is missing; the order is held.");
        }

        var currency = new CurrencyCode(order.PricingSummary.Total.Currency);
        var summary = order.PricingSummary;
        var shipTo = order.FulfillmentStartInstructions?.OfType<EbayFulfillmentInstructionsJson>().Select(i => i.ShippingStep?.ShipTo).FirstOrDefault(s => s is not null);
        var lines = order.LineItems.Select((line, i) => Line(line ?? throw new FormatException($"eBay order {id}: lineItems[{i}] is null."), i, id, currency)).ToArray();
        if (lines.Length == 0)
        {
            throw new FormatException($"eBay order {id} has no line items.");
        }

        // deliveryCost is before the shipping discounts, deliveryDiscount (negative) what they took off.
        var deliveryCost = EbayMoney.ReadOptional(summary.DeliveryCost, "pricingSummary.deliveryCost", id, currency) ?? Money.Zero(currency);
        var deliveryDiscount = Math.Abs(EbayMoney.ReadOptional(summary.DeliveryDiscount, "pricingSummary.deliveryDiscount", id, currency)?.Amount ?? 0m);
        var collected = lines.Select(l => l.Collected).Aggregate(Money.Zero(currency), (sum, tax) => sum + tax);
        return new MarketplaceOrder
        {
            OrderNumber = id,
            MarketplaceOrderId = string.IsNullOrEmpty(order.LegacyOrderId) ? id : order.LegacyOrderId,
            CreatedAt = Date(order.CreationDate, "creationDate", id),
            UpdatedAt = Date(order.LastModifiedDate, "lastModifiedDate", id),
            Currency = currency,
            Status = StatusOf(order),
            PricesIncludeTax = EbaySiteTax.PricesIncludeTax(
                order.LineItems.OfType<EbayLineItemJson>().Select(l => l.ListingMarketplaceId).FirstOrDefault(m => m is not null),
                lines.Any(l => l.CollectedTax)),
            Lines = [.. lines.Select(l => l.Line)],
            ShippingCost = new Money(deliveryCost.Amount - deliveryDiscount, currency),
            ShippingDiscount = deliveryDiscount == 0m ? null : new Money(deliveryDiscount, currency),
            Fees = EbayOrderFees.Of(summary, lines.SelectMany(l => l.CollectedFees), id, currency),
            MarketplaceCollectedTax = collected.Amount == 0m ? null : collected,
            Total = EbayMoney.Read(summary.Total, "pricingSummary.total", id, currency),
            ShippingAddress = AddressOf(shipTo),
            BillingAddress = AddressOf(order.Buyer?.BuyerRegistrationAddress),
            BuyerEmail = shipTo?.Email ?? order.Buyer?.BuyerRegistrationAddress?.Email,
            PaymentMethod = order.PaymentSummary?.Payments?.OfType<EbayPaymentJson>().FirstOrDefault()?.PaymentMethod,
        };
    }

    /// <summary>
    /// The SDK's status of an eBay order: cancelled, pending while unpaid, then by its fulfilment status (eBay's
    /// <c>NOT_STARTED</c>, <c>IN_PROGRESS</c>, <c>FULFILLED</c>).
    /// </summary>
    /// <param name="order">The order.</param>
    /// <returns>The status.</returns>
    public static OrderStatus StatusOf(EbayOrderJson order) =>
        (order.CancelStatus?.CancelState, order.OrderPaymentStatus, order.OrderFulfillmentStatus) switch
        {
            ("CANCELED", _, _) => OrderStatus.Cancelled,
            (_, "PENDING" or "FAILED", _) => OrderStatus.Pending,
            (_, _, "FULFILLED") => OrderStatus.Shipped,
            (_, _, "IN_PROGRESS") => OrderStatus.PartiallyShipped,
            _ => OrderStatus.Open,
        };

    private static MappedLine Line(EbayLineItemJson line, int index, string id, CurrencyCode currency)
    {
        var field = $"lineItems[{index}]";
        if (string.IsNullOrWhiteSpace(line.LineItemId))
        {
            throw new FormatException($"eBay order {id}: {field}.lineItemId is missing.");
        }

        if (line.Quantity < 1)
        {
            throw new FormatException($"eBay order {id}: {field}.quantity is {line.Quantity}; eBay sells at least one unit a line.");
        }

        // lineItemCost is before the line's promotions; discountedLineItemCost, sent only for a discounted line, after them.
        var listCost = EbayMoney.Read(line.LineItemCost, $"{field}.lineItemCost", id, currency);
        var promotions = (line.AppliedPromotions ?? []).OfType<EbayPromotionJson>()
            .Select((p, i) => Math.Abs(EbayMoney.ReadOptional(p.DiscountAmount, $"{field}.appliedPromotions[{i}].discountAmount", id, currency)?.Amount ?? 0m))
            .Sum();
        var paid = EbayMoney.ReadOptional(line.DiscountedLineItemCost, $"{field}.discountedLineItemCost", id, currency)
            ?? new Money(listCost.Amount - promotions, currency);
        var discount = listCost.Amount - paid.Amount;
        var remitted = (line.EbayCollectAndRemitTaxes ?? []).OfType<EbayCollectAndRemitTaxJson>()
            .Select((t, i) => (t.TaxType, Amount: EbayMoney.Read(t.Amount, $"{field}.ebayCollectAndRemitTaxes[{i}].amount", id, currency)))
            .ToList();
        var sellerTax = SellersTax(line, field, id, currency, [.. remitted]);
        var mapped = new OrderLine
        {
            LineId = line.LineItemId,
            ForeignNumber = ForeignNumberOf(line),
            Sku = line.Sku,
            Title = string.IsNullOrWhiteSpace(line.Title) ? $"eBay item {line.LegacyItemId}" : line.Title,
            Quantity = line.Quantity,
            UnitPrice = OrderLine.UnitPriceOf(paid, line.Quantity),
            TaxAmount = sellerTax,
            Discount = discount == 0m ? null : new Money(discount, currency),
        };
        return new MappedLine(
            mapped,
            remitted.Aggregate(Money.Zero(currency), (sum, tax) => sum + tax.Amount),
            [.. remitted.Where(t => EbayOrderFees.IsFee(t.TaxType)).Select(t => t.Amount)],
            remitted.Exists(t => !EbayOrderFees.IsFee(t.TaxType) && t.Amount.Amount != 0m));
    }

    /// <summary>
    /// The tax of the line the seller owes: <c>taxes[]</c> repeats each tax eBay collects and remits with the same amount
    /// (eBay's <c>EbayCollectAndRemitTax</c> reference), so each of those is taken out once; what remains is the seller's.
    /// </summary>
    private static Money? SellersTax(EbayLineItemJson line, string field, string id, CurrencyCode currency, List<(string? TaxType, Money Amount)> remitted)
    {
        var own = 0m;
        var any = false;
        foreach (var (tax, i) in (line.Taxes ?? []).Select((t, i) => (t, i)))
        {
            if (tax is null || EbayMoney.ReadOptional(tax.Amount, $"{field}.taxes[{i}].amount", id, currency) is not { } amount)
            {
                continue;
            }

            var twin = remitted.FindIndex(r => r.Amount == amount && (r.TaxType is null || tax.TaxType is null || r.TaxType == tax.TaxType));
            if (twin >= 0)
            {
                remitted.RemoveAt(twin);
                continue;
            }

            own += amount.Amount;
            any = true;
        }

        return any ? new Money(own, currency) : null;
    }

    /// <summary>
    /// A variation's line carries its SKU (the SDK's rule for eBay variants); any other line its listing id
    /// (<c>legacyItemId</c>, the rule for articles); a line without a listing id falls back to its SKU.
    /// </summary>
    private static ForeignNumber? ForeignNumberOf(EbayLineItemJson line) =>
        line.VariationAspects is { Count: > 0 } && !string.IsNullOrWhiteSpace(line.Sku) ? new ForeignNumber(ForeignNumberLabel.Sku, line.Sku)
        : !string.IsNullOrWhiteSpace(line.LegacyItemId) ? new ForeignNumber(ForeignNumberLabel.EbayListing, line.LegacyItemId)
        : !string.IsNullOrWhiteSpace(line.Sku) ? new ForeignNumber(ForeignNumberLabel.Sku, line.Sku)
        : null;

    private static Address? AddressOf(EbayContactJson? contact) =>
        contact?.ContactAddress is not { } address || string.IsNullOrWhiteSpace(contact.FullName)
            ? null
            : new Address
            {
                Name = contact.FullName,
                Company = contact.CompanyName,
                Street = address.AddressLine1 ?? string.Empty,
                AddressLine2 = address.AddressLine2,
                PostalCode = address.PostalCode ?? string.Empty,
                City = address.City ?? string.Empty,
                Region = address.StateOrProvince,
                CountryCode = address.CountryCode ?? string.Empty,
                Phone = contact.PrimaryPhone?.PhoneNumber,
            };

    private static NodaTime.Instant Date(string text, string field, string id)
    {
        var parsed = EbayDate.Parse(text ?? string.Empty);
        return parsed.Success && (text ?? string.Empty).EndsWith('Z')
            ? parsed.Value
            : throw new FormatException($"eBay order {id}: {field} '{text}' is not an ISO 8601 UTC time such as 2021-03-19T20:43:59.462Z.");
    }

    /// <summary>A mapped line with what eBay collected and remits on it: all of it, the part that is fees, and whether any of it is a tax.</summary>
    private sealed record MappedLine(OrderLine Line, Money Collected, IReadOnlyList<Money> CollectedFees, bool CollectedTax);
}
