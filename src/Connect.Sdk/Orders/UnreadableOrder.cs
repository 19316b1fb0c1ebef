namespace Connect.Sdk.Orders;

/// <summary>
/// An order the connector does not hand to the ERP: one it could not turn into a <see cref="MarketplaceOrder"/> (a
/// malformed or incomplete payload), which the SDK journals as failed instead of stopping the import; or one the
/// marketplace holds back until somebody acts on it (<see cref="AwaitingAction"/>), which the SDK journals as a warning.
/// </summary>
/// <param name="OrderNumber">The order number, when the payload got that far; otherwise the marketplace id or a placeholder.</param>
/// <param name="Reason">What was wrong, e.g. "tax information missing in shop order 1001", or what the order waits for.</param>
public sealed record UnreadableOrder(string OrderNumber, string Reason)
{
    /// <summary>
    /// Whether the order is not broken but waits on the marketplace for somebody's action (a Mirakl order waiting for the
    /// seller to accept it). The journal shows it as a warning with <see cref="Reason"/>, the run does not count it as
    /// failed, and the import reads it again once it changes.
    /// </summary>
    public bool AwaitsAction { get; init; }

    /// <summary>An order the marketplace holds back until somebody acts on it; see <see cref="AwaitsAction"/>.</summary>
    /// <param name="orderNumber">The order number.</param>
    /// <param name="reason">What it waits for and who can act, e.g. "waiting for acceptance: accept it in the Mirakl back office".</param>
    /// <returns>The order, marked as awaiting action.</returns>
    public static UnreadableOrder AwaitingAction(string orderNumber, string reason) => new(orderNumber, reason) { AwaitsAction = true };
}
