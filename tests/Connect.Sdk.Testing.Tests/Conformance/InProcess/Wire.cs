using System.Text.Json;
using Connect.Sdk.Orders;

namespace Connect.Sdk.Testing.Tests.Conformance.InProcess;

/// <summary>The in-process marketplace's payload shapes: JSON as its "API" sends and receives it.</summary>
internal static class Wire
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Json) ?? throw new JsonException("The payload is empty.");

    public static WireOrder Render(MarketplaceOrder order) => new(
        order.OrderNumber,
        order.MarketplaceOrderId,
        order.CreatedAt.ToUnixTimeMilliseconds(),
        order.UpdatedAt.ToUnixTimeMilliseconds(),
        order.Currency.Value,
        order.Status.Value,
        order.PricesIncludeTax,
        order.ShippingCost.Amount,
        order.ShippingTax?.Amount,
        order.Total?.Amount,
        Render(order.BillingAddress),
        Render(order.ShippingAddress),
        order.BuyerEmail,
        order.PaymentMethod,
        order.Lines.Select(l => new WireLine(
            l.LineId,
            l.ForeignNumber?.Value,
            l.Sku,
            l.Title,
            l.Quantity,
            l.UnitPrice.Amount,
            l.Total.Amount,
            l.TaxRate,
            l.TaxAmount?.Amount,
            l.Discount?.Amount)).ToArray());

    private static WireAddress? Render(Address? address) => address is null
        ? null
        : new(address.Name, address.Company, address.Street, address.AddressLine2, address.PostalCode, address.City, address.Region, address.CountryCode, address.Phone);
}

internal sealed record WireRequest(string Operation, string Method, string Path, string Token, string? Body = null);

internal sealed record WireResponse(int StatusCode, string Body);

internal sealed record WireOrder(
    string Number,
    string Id,
    long CreatedAt,
    long UpdatedAt,
    string Currency,
    string Status,
    bool Gross,
    decimal Shipping,
    decimal? ShippingTax,
    decimal? Total,
    WireAddress? Billing,
    WireAddress? Delivery,
    string? Email,
    string? Payment,
    WireLine[] Lines);

internal sealed record WireLine(string Id, string? ItemId, string? SellerSku, string Title, int Quantity, decimal UnitPrice, decimal LineTotal, decimal? TaxRate, decimal? TaxAmount, decimal? Discount);

internal sealed record WireAddress(string Name, string? Company, string Street, string? Line2, string Zip, string City, string? Region, string Country, string? Phone);

internal sealed record WireOrderQuery(long Since, int Page, int PageSize);

internal sealed record WireOrderPage(WireOrder[] Orders, int? NextPage);

internal sealed record WireLookup(string[] Numbers);

internal sealed record WireStock(string ItemId, int Quantity);

internal sealed record WirePrice(string ItemId, decimal Price, decimal? CompareAt, string Currency);

/// <summary>The shop's settings a price needs: the currency it sells in, and whether its prices include tax (null: not said).</summary>
internal sealed record WireShop(string Currency, bool? PricesIncludeTax);

internal sealed record WireStockResult(string ItemId, bool Ok, string? Error);

internal sealed record WireShippedLine(string LineId, int Quantity);

internal sealed record WireShipment(string OrderNumber, string Tracking, string Carrier, WireShippedLine[] Lines);

internal sealed record WireStatus(string OrderNumber, string Status);
