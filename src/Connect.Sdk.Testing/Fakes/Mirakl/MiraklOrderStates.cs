using Connect.Sdk.Orders;

namespace Connect.Sdk.Testing.Fakes.Mirakl;

/// <summary>
/// Mirakl's order states (<c>order_state</c> of OR11) as the fake uses them, and what each means for the buyer in the
/// SDK's words. Operators may add states; one the fake does not know reads as itself, in lower case.
/// </summary>
public static class MiraklOrderStates
{
    /// <summary>The order lines wait for the shop to accept or refuse them (OR21).</summary>
    public const string WaitingAcceptance = "WAITING_ACCEPTANCE";

    /// <summary>Accepted; the buyer's payment is being debited.</summary>
    public const string WaitingDebitPayment = "WAITING_DEBIT_PAYMENT";

    /// <summary>Accepted and paid: the shop ships it (OR23 tracking, OR24 validation).</summary>
    public const string Shipping = "SHIPPING";

    /// <summary>The shop validated the shipment (OR24).</summary>
    public const string Shipped = "SHIPPED";

    /// <summary>Every line was refused.</summary>
    public const string Refused = "REFUSED";

    /// <summary>Cancelled.</summary>
    public const string Canceled = "CANCELED";

    /// <summary>The SDK's status for a Mirakl order state.</summary>
    /// <param name="state">The <c>order_state</c>.</param>
    /// <param name="tracked">Whether the order carries tracking (OR23) while still in <see cref="Shipping"/>.</param>
    /// <returns>The status.</returns>
    public static OrderStatus ToSdk(string state, bool tracked) => state switch
    {
        "STAGING" or WaitingAcceptance or "WAITING_DEBIT" or WaitingDebitPayment => OrderStatus.Pending,
        Shipping => tracked ? OrderStatus.PartiallyShipped : OrderStatus.Open,
        Shipped or "TO_COLLECT" => OrderStatus.Shipped,
        "RECEIVED" or "CLOSED" => OrderStatus.Completed,
        Refused or Canceled => OrderStatus.Cancelled,
        _ => new OrderStatus(state.ToLowerInvariant()),
    };
}
