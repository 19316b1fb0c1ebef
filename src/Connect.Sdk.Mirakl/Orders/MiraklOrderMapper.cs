using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Mirakl.Wire;
using Connect.Sdk.Orders;
using NodaTime;

namespace Connect.Sdk.Mirakl.Orders;

/// <summary>
/// Maps an OR11 order into the SDK's order. The order number is Mirakl's <c>order_id</c> (what the back office shows and
/// every order API takes), the marketplace order id the <c>commercial_id</c> (the buyer's order, which may span
/// shops). Each line's foreign number is its <c>offer_sku</c> (the shop SKU, label <c>miraklshopsku</c>), its SKU the
/// <c>product_shop_sku</c>. Refused and cancelled lines are left out. Money is read exactly: an amount with more
/// decimals than the currency has makes the order unreadable, naming the field, rather than importing rounded money.
/// </summary>
internal static class MiraklOrderMapper
{
    /// <summary>The mapping of one raw order, for a page or a lookup.</summary>
    public static TryMapOrder<System.Text.Json.JsonElement> TryMap { get; } =
        Connect.Sdk.Http.JsonOrderMapping.For(MiraklJsonContext.Default.MiraklOrderJson, Map, "Mirakl", numberField: "order_id");

    /// <summary>Maps an order; throws <see cref="FormatException"/> naming the order and the field for a value it cannot read.</summary>
    /// <param name="json">The order.</param>
    /// <returns>The SDK's order.</returns>
    public static MarketplaceOrder Map(MiraklOrderJson json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var id = Required(json.OrderId, "?", "order_id");
        if (!CurrencyCode.TryParse(json.CurrencyIsoCode, out var currency))
        {
            throw new FormatException($"Mirakl order {id}: currency_iso_code '{json.CurrencyIsoCode}' is not a currency code");
        }

        var state = Required(json.OrderState, id, "order_state");
        var taxExcluded = string.Equals(json.OrderTaxMode, "TAX_EXCLUDED", StringComparison.Ordinal);
        var lines = new List<OrderLine>();
        var shipping = Money.Zero(currency);
        var shippingTax = Money.Zero(currency);
        var taxes = Money.Zero(currency);
        var anyShippingTax = false;
        var allLines = json.OrderLines ?? throw new FormatException($"Mirakl order {id}: order_lines is missing");
        for (var i = 0; i < allLines.Length; i++)
        {
            var line = allLines[i] ?? throw new FormatException($"Mirakl order {id}: order_lines[{i}] is null");
            if (line.OrderLineState is { } lineState && MiraklOrderStates.DroppedLines.Contains(lineState))
            {
                continue;
            }

            var field = $"order_lines[{i}]";
            var quantity = line.Quantity ?? throw new FormatException($"Mirakl order {id}: {field}.quantity is missing");
            var price = Amount(line.Price, currency, id, field + ".price");
            shipping += Amount(line.ShippingPrice ?? 0m, currency, id, field + ".shipping_price");
            var lineTax = Sum(line.Taxes, currency, id, field + ".taxes");
            taxes += lineTax ?? Money.Zero(currency);
            if (Sum(line.ShippingTaxes, currency, id, field + ".shipping_taxes") is { } lineShippingTax)
            {
                shippingTax += lineShippingTax;
                anyShippingTax = true;
            }

            var rates = line.Taxes?.Where(t => t.Rate is not null).Select(t => t.Rate!.Value).ToArray() ?? [];
            var listPrice = line.OriginUnitPrice is { } origin ? new Money(origin * quantity, currency) : price;
            lines.Add(new OrderLine
            {
                LineId = Required(line.OrderLineId, id, field + ".order_line_id"),
                ForeignNumber = string.IsNullOrWhiteSpace(line.OfferSku) ? null : new ForeignNumber(ForeignNumberLabel.MiraklShopSku, line.OfferSku),
                Sku = string.IsNullOrWhiteSpace(line.ProductShopSku) ? null : line.ProductShopSku,
                Title = line.ProductTitle ?? line.OfferSku ?? string.Empty,
                Quantity = quantity,
                UnitPrice = quantity > 0 ? OrderLine.UnitPriceOf(price, quantity) : price,
                TaxRate = rates.Length == 0 ? null : rates.Sum() / 100m,
                TaxAmount = lineTax,
                Discount = listPrice.Amount > price.Amount ? (listPrice - price).RoundToMinorUnit() : null,
            });
        }

        var stated = Amount(json.TotalPrice, currency, id, "total_price");
        return new MarketplaceOrder
        {
            OrderNumber = id,
            MarketplaceOrderId = string.IsNullOrWhiteSpace(json.CommercialId) ? id : json.CommercialId,
            CreatedAt = Instant.FromDateTimeOffset(json.CreatedDate ?? throw new FormatException($"Mirakl order {id}: created_date is missing")),
            UpdatedAt = Instant.FromDateTimeOffset(json.LastUpdatedDate ?? json.CreatedDate.Value),
            Currency = currency,
            Status = MiraklOrderStates.ToSdk(state),
            Lines = lines,
            PricesIncludeTax = !taxExcluded,
            ShippingCost = shipping,
            ShippingTax = anyShippingTax ? shippingTax : null,
            // Tax-excluded orders state their prices and total without tax: the buyer pays the taxes on top.
            Total = taxExcluded ? stated + taxes + shippingTax : stated,
            BillingAddress = Address(json.Customer?.BillingAddress, id, "customer.billing_address"),
            ShippingAddress = Address(json.Customer?.ShippingAddress, id, "customer.shipping_address"),
            BuyerEmail = json.CustomerNotificationEmail,
            PaymentMethod = json.PaymentType,
        };
    }

    private static string Required(string? value, string id, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new FormatException($"Mirakl order {id}: {field} is missing") : value;

    private static Money Amount(decimal? amount, CurrencyCode currency, string id, string field)
    {
        var value = amount ?? throw new FormatException($"Mirakl order {id}: {field} is missing");
        return decimal.Round(value, currency.MinorUnitDecimals) == value
            ? new Money(value, currency)
            : throw new FormatException($"Mirakl order {id}: {field} {value} has more decimals than {currency} has ({currency.MinorUnitDecimals}); the order is not imported with rounded money");
    }

    private static Money? Sum(MiraklTaxJson[]? taxes, CurrencyCode currency, string id, string field)
    {
        if (taxes is null || !taxes.Any(t => t?.Amount is not null))
        {
            return null;
        }

        var sum = Money.Zero(currency);
        for (var i = 0; i < taxes.Length; i++)
        {
            if (taxes[i]?.Amount is { } amount)
            {
                sum += Amount(amount, currency, id, $"{field}[{i}].amount");
            }
        }

        return sum;
    }

    private static Address? Address(MiraklAddressJson? json, string id, string field)
    {
        if (json is null)
        {
            return null;
        }

        var name = string.Join(' ', new[] { json.Firstname, json.Lastname }.Where(n => !string.IsNullOrWhiteSpace(n)));
        return new Address
        {
            Name = name,
            Company = string.IsNullOrWhiteSpace(json.Company) ? null : json.Company,
            Street = json.Street1 ?? string.Empty,
            AddressLine2 = string.IsNullOrWhiteSpace(json.Street2) ? null : json.Street2,
            PostalCode = json.ZipCode ?? string.Empty,
            City = json.City ?? string.Empty,
            Region = string.IsNullOrWhiteSpace(json.State) ? null : json.State,
            CountryCode = CountryCodes.TwoLetter(json.CountryIsoCode ?? string.Empty, $"Mirakl order {id}: {field}.country_iso_code"),
            Phone = string.IsNullOrWhiteSpace(json.Phone) ? null : json.Phone,
        };
    }
}
