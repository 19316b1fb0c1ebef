using System.Globalization;
using System.Text.Json;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Http;
using Connect.Sdk.Orders;
using Connect.Sdk.Otto.Http;
using Connect.Sdk.Otto.Wire;
using NodaTime;

namespace Connect.Sdk.Otto.Orders;

/// <summary>
/// Maps an order of Orders v4 to the SDK's order: the order number as OTTO shows it (<c>orderNumber</c>), the
/// <c>salesOrderId</c> as the marketplace's id, pieces grouped into lines (<see cref="PositionItemLines"/>) with the SKU as
/// foreign number (<c>ottosku</c>), gross prices in EUR after the pieces' discounts and the order's discounts spread
/// over the lines (<see cref="OrderDiscountShares"/>), the delivery fees of pieces not cancelled as shipping, the total
/// the buyer pays for the core's totals check, addresses with their alpha-3 country as alpha-2. Money is read exactly: an amount with more than two decimals, or in another currency than EUR,
/// makes the order unreadable with the field's path, so it is held, never imported with wrong money.
/// </summary>
internal static class OttoOrderMapper
{
    /// <summary>The mapping of one raw order, for <see cref="OrderPage.Map{TPayload}"/>: a flawed order is unreadable, naming its number and field.</summary>
    public static TryMapOrder<JsonElement> TryMap { get; } = JsonOrderMapping.For(OttoJsonContext.Default.OttoOrderJson, Map, OttoClient.Marketplace, "orderNumber");

    /// <summary>Maps an order.</summary>
    /// <param name="order">The order as OTTO sent it.</param>
    /// <returns>The SDK's order.</returns>
    /// <exception cref="FormatException">A value OTTO documents otherwise, naming the field's path.</exception>
    public static MarketplaceOrder Map(OttoOrderJson order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var items = new List<OttoPositionItemJson>(order.PositionItems.Length);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < order.PositionItems.Length; i++)
        {
            var item = order.PositionItems[i] ?? throw new FormatException($"positionItems[{i}] is null");
            CheckedPaidPrice(item, $"positionItems[{i}]");
            if (!ids.Add(item.PositionItemId))
            {
                // Discounts and delivery fees name pieces by id: two pieces with one id cannot be told apart.
                throw new FormatException($"positionItems[{i}].positionItemId '{item.PositionItemId}' is the id of an earlier piece too");
            }

            if (string.IsNullOrEmpty(item.Product.Sku))
            {
                throw new FormatException($"positionItems[{i}].product.sku is empty");
            }

            items.Add(item);
        }

        if (items.Count == 0)
        {
            throw new FormatException("positionItems is empty");
        }

        // Cancelled pieces are not paid for, unless all are: a cancelled order keeps its lines to show what was cancelled.
        var allCancelled = items.All(PositionItemLines.IsCancelled);
        var groups = PositionItemLines.Of(items)
            .Select(line => (line, counted: allCancelled ? line.Pieces : line.Pieces.Where(p => !PositionItemLines.IsCancelled(p)).ToArray()))
            .Where(l => l.counted.Count > 0)
            .ToArray();
        var lineOf = groups.SelectMany(g => g.counted.Select(p => (p.PositionItemId, g.line.LineId))).ToDictionary(p => p.PositionItemId, p => p.LineId, StringComparer.Ordinal);
        var paidPrice = items.Where(p => lineOf.ContainsKey(p.PositionItemId)).ToDictionary(p => p.PositionItemId, PaidPrice, StringComparer.Ordinal);
        var discounts = order.InitialDiscounts ?? [];
        for (var i = 0; i < discounts.Length; i++)
        {
            if (discounts[i] is { } discount)
            {
                Money(discount.DiscountAmount, $"initialDiscounts[{i}].discountAmount");
            }
        }

        var (discountPerLine, discounted) = OrderDiscountShares.Of(discounts, lineOf, paidPrice, ids);
        var lines = groups.Select(g => ToLine(g.line, g.counted, discountPerLine.GetValueOrDefault(g.line.LineId))).ToArray();
        var fees = order.InitialDeliveryFees?.OfType<OttoDeliveryFeeJson>().ToArray() ?? [];
        for (var i = 0; i < fees.Length; i++)
        {
            Money(fees[i].DeliveryFeeAmount, $"initialDeliveryFees[{i}].deliveryFeeAmount");
        }

        // A fee charged only for pieces the buyer no longer pays for (all cancelled) is not paid either.
        var shipping = fees.Where(f => f.PositionItemIds is not { Length: > 0 } ids || ids.Any(lineOf.ContainsKey)).Sum(f => f.DeliveryFeeAmount.Amount);

        return new MarketplaceOrder
        {
            OrderNumber = order.OrderNumber,
            MarketplaceOrderId = order.SalesOrderId,
            CreatedAt = Instant.FromDateTimeOffset(order.OrderDate),
            UpdatedAt = Instant.FromDateTimeOffset(order.LastModifiedDate ?? order.OrderDate),
            Currency = OttoApi.Currency,
            Status = OttoOrderStatuses.Of(items),
            PricesIncludeTax = true,
            Lines = lines,
            ShippingCost = new Money(shipping, OttoApi.Currency),
            // What the buyer pays, from OTTO's own amounts: the core checks the lines and the shipping against it.
            Total = new Money(paidPrice.Values.Sum() + shipping - discounted, OttoApi.Currency),
            BillingAddress = Address(order.InvoiceAddress, "invoiceAddress"),
            ShippingAddress = Address(order.DeliveryAddress, "deliveryAddress"),
            BuyerEmail = order.DeliveryAddress?.Email,
            PaymentMethod = order.Payment?.PaymentMethod,
        };
    }

    private static OrderLine ToLine(PositionItemLine line, IReadOnlyList<OttoPositionItemJson> pieces, decimal orderDiscount)
    {
        var first = pieces[0];
        var itemDiscount = pieces.Sum(p => p.ItemValueDiscount?.Amount ?? 0m);
        var paid = new Money(pieces.Sum(PaidPrice) - orderDiscount, OttoApi.Currency);
        return new OrderLine
        {
            LineId = line.LineId,
            ForeignNumber = new ForeignNumber(ForeignNumberLabel.OttoSku, first.Product.Sku),
            Sku = first.Product.Sku,
            Title = first.Product.ProductTitle ?? first.Product.Sku,
            Quantity = pieces.Count,
            UnitPrice = orderDiscount == 0m ? new Money(PaidPrice(first), OttoApi.Currency) : OrderLine.UnitPriceOf(paid, pieces.Count),
            TaxRate = first.Product.VatRate is { } percent ? percent / 100m : null,
            Discount = pieces.Any(p => p.ItemValueDiscount is not null) || orderDiscount != 0m ? new Money(itemDiscount + orderDiscount, OttoApi.Currency) : null,
        };
    }

    // Validated when the order is read (CheckedPaidPrice).
    private static decimal PaidPrice(OttoPositionItemJson item) =>
        item.ItemValueReducedGrossPrice?.Amount ?? item.ItemValueGrossPrice.Amount;

    // What the buyer pays for a piece: itemValueReducedGrossPrice, the price after the piece's discount; the gross price
    // is the price before it. A discount without a reduced price, or a reduced price that is not gross minus discount,
    // leaves the paid price unknown, so the order is held rather than booked at a guessed price.
    private static decimal CheckedPaidPrice(OttoPositionItemJson item, string path)
    {
        Money(item.ItemValueGrossPrice, $"{path}.itemValueGrossPrice");
        var discount = 0m;
        if (item.ItemValueDiscount is { } stated)
        {
            Money(stated, $"{path}.itemValueDiscount");
            discount = stated.Amount;
        }

        if (item.ItemValueReducedGrossPrice is not { } reduced)
        {
            return discount == 0m
                ? item.ItemValueGrossPrice.Amount
                : throw new FormatException($"{path}.itemValueReducedGrossPrice is missing, though the piece has a discount: the price the buyer paid is unknown");
        }

        Money(reduced, $"{path}.itemValueReducedGrossPrice");
        return reduced.Amount == item.ItemValueGrossPrice.Amount - discount
            ? reduced.Amount
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{path}.itemValueReducedGrossPrice {reduced.Amount} is not itemValueGrossPrice {item.ItemValueGrossPrice.Amount} minus itemValueDiscount {discount}"));
    }

    // OTTO sells in euros with cents: another currency, or a fraction of a cent, is not money the ERP can book.
    private static void Money(OttoAmountJson amount, string path)
    {
        if (!string.Equals(amount.Currency, OttoApi.Currency.ToString(), StringComparison.Ordinal))
        {
            throw new FormatException($"{path}.currency is '{amount.Currency}', not {OttoApi.Currency}, the currency OTTO Market sells in");
        }

        if (decimal.Round(amount.Amount, 2) != amount.Amount || amount.Amount < 0)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{path}.amount {amount.Amount} is not an amount in euros and cents"));
        }
    }

    private static Address? Address(OttoAddressJson? address, string path)
    {
        if (address is null)
        {
            return null;
        }

        var country = address.CountryCode is { } alpha3 ? OttoCountries.Alpha2(alpha3) : null;
        if (country is null)
        {
            throw new FormatException($"{path}.countryCode '{address.CountryCode}' is no ISO 3166-1 alpha-3 country the connector knows");
        }

        return new Address
        {
            Name = $"{address.FirstName} {address.LastName}".Trim(),
            Street = $"{address.Street} {address.HouseNumber}".Trim(),
            AddressLine2 = address.Addition,
            PostalCode = address.ZipCode ?? string.Empty,
            City = address.City ?? string.Empty,
            CountryCode = country,
            Phone = address.PhoneNumber,
        };
    }
}
