using Connect.Sdk.Orders;

namespace Connect.Sdk.Mirakl.Orders;

/// <summary>
/// Mirakl's order states as the connector reads them. Operators and new Mirakl releases add states: one the connector
/// does not know is kept as the order's status (its name in lower case) and the order is imported, never refused.
/// </summary>
internal static class MiraklOrderStates
{
    /// <summary>The lines wait for the shop's decision (OR21).</summary>
    public const string WaitingAcceptance = "WAITING_ACCEPTANCE";

    /// <summary>Accepted; Mirakl waits to debit the buyer (OR11's states).</summary>
    public const string WaitingDebit = "WAITING_DEBIT";

    /// <summary>Accepted; the buyer's debit is under way.</summary>
    public const string WaitingDebitPayment = "WAITING_DEBIT_PAYMENT";

    /// <summary>Shipping: accepted and paid, the state in which orders go to the ERP.</summary>
    public const string Shipping = "SHIPPING";

    /// <summary>Refused or cancelled lines, left out of the ERP's order.</summary>
    public static readonly IReadOnlySet<string> DroppedLines = new HashSet<string>(StringComparer.Ordinal) { "REFUSED", "CANCELED" };

    // Before the shop's acceptance and the buyer's payment, and refused orders: nothing for the ERP to book or ship.
    private static readonly HashSet<string> NotYetOrders = new(StringComparer.Ordinal) { "STAGING", WaitingAcceptance, WaitingDebit, WaitingDebitPayment, "REFUSED" };

    /// <summary>Whether an order in this state goes to the ERP: accepted and paid, or in a state the connector does not know.</summary>
    /// <param name="state">The <c>order_state</c>.</param>
    /// <returns><see langword="true"/> for <c>SHIPPING</c> and every later or unknown state.</returns>
    public static bool IsForTheErp(string state) => !NotYetOrders.Contains(state);

    /// <summary>
    /// Why an order in a state before the ERP's is not imported, for a user who asked for it by number: one whose
    /// payment is not through yet awaits the buyer and Mirakl (a warning); a refused one has nothing to import.
    /// </summary>
    /// <param name="orderId">The <c>order_id</c>.</param>
    /// <param name="state">The <c>order_state</c>.</param>
    /// <returns>The order with the reason.</returns>
    public static UnreadableOrder NotYet(string orderId, string state) => state == "REFUSED"
        ? new UnreadableOrder(orderId, "Mirakl order state REFUSED: every line was refused, there is nothing to import")
        : UnreadableOrder.AwaitingAction(orderId, $"Mirakl order state {state}: the buyer's payment is not through yet; the order is imported once Mirakl moves it to SHIPPING");

    /// <summary>The SDK's status of an order state.</summary>
    /// <param name="state">The <c>order_state</c>.</param>
    /// <returns>The status; an unknown state as itself.</returns>
    public static OrderStatus ToSdk(string state) => state switch
    {
        "STAGING" or WaitingAcceptance or WaitingDebit or WaitingDebitPayment => OrderStatus.Pending,
        Shipping => OrderStatus.Open,
        "SHIPPED" or "TO_COLLECT" => OrderStatus.Shipped,
        "RECEIVED" or "CLOSED" => OrderStatus.Completed,
        "REFUSED" or "CANCELED" => OrderStatus.Cancelled,
        _ => new OrderStatus(state.ToLowerInvariant()),
    };
}
