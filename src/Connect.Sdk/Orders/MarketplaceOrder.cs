using NodaTime;

namespace Connect.Sdk.Orders;

/// <summary>An order as read from a shop or marketplace, before it is handed to the ERP.</summary>
public sealed record MarketplaceOrder
{
    /// <summary>
    /// The order number users see and type into "import orders" (e.g. <c>1001</c>); the journal's record key.
    /// </summary>
    public required string OrderNumber { get; init; }

    /// <summary>The marketplace's internal id of the order (a string even where the marketplace sends a number).</summary>
    public required string MarketplaceOrderId { get; init; }

    /// <summary>When the buyer placed the order.</summary>
    public required Instant CreatedAt { get; init; }

    /// <summary>When the marketplace last changed the order; drives the import cursor.</summary>
    public required Instant UpdatedAt { get; init; }

    /// <summary>The currency of every amount of the order.</summary>
    public required CurrencyCode Currency { get; init; }

    /// <summary>The order's status on the marketplace.</summary>
    public required OrderStatus Status { get; init; }

    /// <summary>The order lines.</summary>
    public required IReadOnlyList<OrderLine> Lines { get; init; }

    /// <summary>Whether unit prices and shipping include tax (gross), as on most European marketplaces.</summary>
    public bool PricesIncludeTax { get; init; } = true;

    /// <summary>The shipping cost charged to the buyer.</summary>
    public required Money ShippingCost { get; init; }

    /// <summary>The tax on shipping, when the marketplace sends it.</summary>
    public Money? ShippingTax { get; init; }

    /// <summary>The order total as the marketplace states it, for reconciliation.</summary>
    public Money? Total { get; init; }

    /// <summary>The billing address, when the marketplace shares it.</summary>
    public Address? BillingAddress { get; init; }

    /// <summary>The shipping address.</summary>
    public Address? ShippingAddress { get; init; }

    /// <summary>The buyer's e-mail address, when the marketplace shares it.</summary>
    public string? BuyerEmail { get; init; }

    /// <summary>The payment method as the marketplace names it, if any.</summary>
    public string? PaymentMethod { get; init; }
}
