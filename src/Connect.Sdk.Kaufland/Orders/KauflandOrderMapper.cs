using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Http;
using Connect.Sdk.Kaufland.Wire;
using Connect.Sdk.Orders;

namespace Connect.Sdk.Kaufland.Orders;

/// <summary>
/// Turns one of Kaufland's orders (<c>GET /orders/{id_order}</c>'s <c>data</c>) into the SDK's
/// <see cref="MarketplaceOrder"/>: its order units grouped into lines (<see cref="OrderUnitLine"/>), two pieces of one
/// offer one line of quantity 2; integer cents into <see cref="Money"/>; consumer prices, so VAT included.
/// </summary>
/// <remarks>
/// Cancelled order units count in no line, unless every unit is cancelled (the order then keeps its lines as ordered and
/// reads <see cref="OrderStatus.Cancelled"/>). The shipping cost is the sum of the units' <c>shipping_rate</c>, the total
/// that of their prices and shipping rates. An amount that is not an integer, units in two currencies or in another
/// currency than the storefront's, or a unit status that is not one of the Seller API's <c>OrderUnitStatus</c> values,
/// hold the order with a message naming it and the field: the ERP never gets it with money read approximately or
/// converted, nor with a status guessed.
/// </remarks>
internal static class KauflandOrderMapper
{
    /// <summary>Reads one order.</summary>
    /// <param name="json">The order as Kaufland sent it (the answer's <c>data</c>).</param>
    /// <param name="unitIds">The <c>id_unit</c> of each <c>id_offer</c> the seller has on the storefront.</param>
    /// <param name="storefrontCurrency">The currency of the connection's storefront.</param>
    /// <param name="order">The order, when it could be read.</param>
    /// <param name="unreadable">Otherwise the order's id and what was wrong.</param>
    /// <returns>Whether the order could be read.</returns>
    public static bool TryMap(JsonElement json, IReadOnlyDictionary<string, long> unitIds, CurrencyCode storefrontCurrency, [NotNullWhen(true)] out MarketplaceOrder? order, [NotNullWhen(false)] out UnreadableOrder? unreadable)
    {
        order = null;
        unreadable = null;
        var number = NumberOf(json);
        try
        {
            var wire = json.Deserialize(KauflandJsonContext.Default.KauflandOrderJson) ?? throw new FormatException("the order is null");
            order = Map(wire, unitIds, storefrontCurrency);
            return true;
        }
        catch (JsonException ex)
        {
            unreadable = new UnreadableOrder(number, $"Kaufland order {number} could not be read: {JsonFieldProblem.Describe(ex)}{(IsMoney(ex) ? " (Kaufland sends amounts as integer cents); the order is not imported with money read approximately" : string.Empty)}.");
            return false;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException)
        {
            unreadable = new UnreadableOrder(number, $"Kaufland order {number} could not be read: {ex.Message}.");
            return false;
        }
    }

    /// <summary>Maps a parsed order.</summary>
    /// <param name="wire">The order.</param>
    /// <param name="unitIds">The <c>id_unit</c> of each <c>id_offer</c>.</param>
    /// <param name="storefrontCurrency">The currency of the connection's storefront.</param>
    /// <returns>The SDK's order.</returns>
    /// <exception cref="FormatException">A time, a currency, a status or an amount is not as documented, or the order has no units.</exception>
    public static MarketplaceOrder Map(KauflandOrderJson wire, IReadOnlyDictionary<string, long> unitIds, CurrencyCode storefrontCurrency)
    {
        ArgumentNullException.ThrowIfNull(wire);
        ArgumentNullException.ThrowIfNull(unitIds);
        var all = PayloadList.WithoutNulls(wire.OrderUnits, "order_units");
        if (all.Count == 0)
        {
            throw new FormatException("order_units is empty");
        }

        var currencies = all.Select(u => u.Currency).Distinct(StringComparer.Ordinal).ToArray();
        if (currencies.Length != 1 || !CurrencyCode.TryParse(currencies[0], out var currency))
        {
            throw new FormatException($"order_units[].currency is {string.Join(" and ", currencies.Select(c => $"'{c}'"))}, not one ISO 4217 currency");
        }

        if (currency != storefrontCurrency)
        {
            throw new FormatException($"order_units[].currency is '{currency}', not the storefront's {storefrontCurrency}; amounts are never converted");
        }

        if (all.Select((u, i) => (Unit: u, Index: i)).FirstOrDefault(x => !KauflandApi.OrderUnitStatuses.Contains(x.Unit.Status)) is { Unit: { } odd } unknown)
        {
            throw new FormatException($"order_units[{unknown.Index}].status is '{odd.Status}', not one of the Seller API's order unit statuses ({string.Join(", ", KauflandApi.OrderUnitStatuses.Order(StringComparer.Ordinal))})");
        }

        var lines = OrderUnitLine.Of(all);
        var everyUnitCancelled = all.All(u => u.Status == KauflandApi.Cancelled);
        var counted = lines.Select(l => (Line: l, Units: everyUnitCancelled ? l.Units : l.Live)).Where(l => l.Units.Count > 0).ToArray();
        var units = counted.SelectMany(l => l.Units).ToArray();
        var shipping = units.Sum(u => u.ShippingRate ?? 0);
        var prices = units.Sum(u => u.Price);
        return new MarketplaceOrder
        {
            OrderNumber = wire.IdOrder,
            MarketplaceOrderId = wire.IdOrder,
            CreatedAt = KauflandTime.Parse(wire.TsCreatedIso, "ts_created_iso"),
            UpdatedAt = all.Max(u => KauflandTime.Parse(u.TsUpdatedIso, $"order unit {u.IdOrderUnit} ts_updated_iso")),
            Currency = currency,
            Status = StatusOf(all),
            PricesIncludeTax = true,
            Lines = [.. counted.Select(l => MapLine(l.Line, l.Units, currency, unitIds))],
            ShippingCost = new Money(shipping / 100m, currency),
            Total = new Money((prices + shipping) / 100m, currency),
            BillingAddress = MapAddress(wire.BillingAddress),
            ShippingAddress = MapAddress(wire.ShippingAddress),
            BuyerEmail = Text(wire.Buyer?.Email),
        };
    }

    /// <summary>The order's status from its units': all cancelled, all (not cancelled) received, sent, some sent, or none.</summary>
    /// <param name="units">The order's units.</param>
    /// <returns>The SDK's status.</returns>
    public static OrderStatus StatusOf(IReadOnlyList<KauflandOrderUnitJson> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var live = units.Where(u => u.Status != KauflandApi.Cancelled).ToArray();
        var sent = live.Count(u => KauflandApi.SentStatuses.Contains(u.Status));
        return live.Length == 0 ? OrderStatus.Cancelled
            : live.All(u => u.Status == "received") ? OrderStatus.Completed
            : sent == live.Length ? OrderStatus.Shipped
            : sent > 0 ? OrderStatus.PartiallyShipped
            : live.All(u => u.Status == "open") ? OrderStatus.Pending
            : OrderStatus.Open;
    }

    private static OrderLine MapLine(OrderUnitLine line, IReadOnlyList<KauflandOrderUnitJson> units, CurrencyCode currency, IReadOnlyDictionary<string, long> unitIds)
    {
        var first = units[0];
        return new OrderLine
        {
            LineId = line.LineId,
            ForeignNumber = unitIds.TryGetValue(first.IdOffer, out var unitId)
                ? new ForeignNumber(ForeignNumberLabel.ApiUnitId, unitId.ToString(System.Globalization.CultureInfo.InvariantCulture))
                : null,
            Sku = first.IdOffer,
            Title = Text(first.Product?.Title) ?? first.IdOffer,
            Quantity = units.Count,
            UnitPrice = new Money(first.Price / 100m, currency),
            TaxRate = first.Vat is { } vat ? vat / 100m : null,
        };
    }

    private static Address? MapAddress(KauflandAddressJson? address)
    {
        if (address is null || (Text(address.Street) is null && Text(address.City) is null && Text(address.Country) is null))
        {
            return null;
        }

        return new Address
        {
            Name = string.Join(' ', new[] { address.FirstName, address.LastName }.Select(Text).OfType<string>()),
            Company = Text(address.CompanyName),
            Street = string.Join(' ', new[] { address.Street, address.HouseNumber }.Select(Text).OfType<string>()),
            AddressLine2 = Text(address.AdditionalField),
            PostalCode = address.Postcode ?? string.Empty,
            City = address.City ?? string.Empty,
            CountryCode = address.Country ?? string.Empty,
            Phone = Text(address.Phone),
        };
    }

    private static bool IsMoney(JsonException ex) =>
        ex.Path is { } path && (path.EndsWith(".price", StringComparison.Ordinal) || path.EndsWith(".shipping_rate", StringComparison.Ordinal));

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string NumberOf(JsonElement json) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty("id_order", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } text
            ? text
            : "(no id_order)";
}
