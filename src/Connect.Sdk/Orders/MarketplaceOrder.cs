using NodaTime;

namespace Connect.Sdk.Orders;

/// <summary>An order as read from a shop or marketplace, before it is handed to the ERP.</summary>
/// <remarks>
/// Every amount is what the buyer paid, after discounts, so that an ERP booking the lines, the shipping and the fees
/// books the order's <see cref="Total"/>: <see cref="MappedTotal.Of"/> is that sum, and the import holds an order
/// whose sum differs from the total the marketplace states. Discounts are shown beside the amounts they were taken
/// from (<see cref="OrderLine.Discount"/>, <see cref="ShippingDiscount"/>), never booked on their own.
/// </remarks>
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

    /// <summary>The shipping the buyer paid, after shipping discounts (zero for free shipping); gross or net as <see cref="PricesIncludeTax"/> says.</summary>
    public required Money ShippingCost { get; init; }

    /// <summary>
    /// What shipping discounts (free shipping, a shipping promotion) took off the shipping; for the ERP's discount
    /// column only, already deducted from <see cref="ShippingCost"/>.
    /// </summary>
    public Money? ShippingDiscount { get; init; }

    /// <summary>The tax on shipping after shipping discounts, when the marketplace sends it.</summary>
    public Money? ShippingTax { get; init; }

    /// <summary>Charges that are neither an article nor shipping (a WooCommerce fee line, a cash-on-delivery fee); a negative fee is a credit.</summary>
    public IReadOnlyList<OrderFee> Fees { get; init; } = [];

    /// <summary>
    /// Tax the marketplace collected from the buyer and pays to the tax office itself (US and Canadian marketplace-facilitator
    /// sales tax, import VAT into the UK, the EU or Australia on low-value goods): part of what the buyer paid, and so of
    /// <see cref="Total"/>, but never money the seller owes or receives. The ERP books it apart from revenue and from the
    /// seller's own tax (a clearing account, or a note on the invoice); it is not in any line's
    /// <see cref="OrderLine.TaxAmount"/>, <see cref="ShippingTax"/> or fee.
    /// </summary>
    public Money? MarketplaceCollectedTax { get; init; }

    /// <summary>
    /// What the marketplace's own rounding adds to its stated <see cref="Total"/> beyond the sum of the rounded amounts it
    /// states (negative when it takes off): a marketplace that rounds the total once over unrounded amounts (WooCommerce
    /// with "round tax at subtotal level") states every line and tax rounded, and their sum can differ from the total by a
    /// cent per amount. The ERP books it as a rounding line, so that it books what the buyer paid. At most one minor unit
    /// per line, per fee and for the shipping (<see cref="MappedTotal.MaxRoundingDifference"/>); a larger one holds the order.
    /// </summary>
    public Money? RoundingDifference { get; init; }

    /// <summary>
    /// The order total as the marketplace states it: what the buyer paid. The import checks it against
    /// <see cref="MappedTotal.Of"/>; without it the order is imported unchecked.
    /// </summary>
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
