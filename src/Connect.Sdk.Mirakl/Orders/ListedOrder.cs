using System.Text.Json;

namespace Connect.Sdk.Mirakl.Orders;

/// <summary>An order as the import hands it on: its JSON, or why it still waits for acceptance.</summary>
/// <param name="Json">The order as Mirakl lists it (after an acceptance, as read again).</param>
/// <param name="Id">Its <c>order_id</c>.</param>
/// <param name="WaitingReason">Why it waits for acceptance, or <see langword="null"/> when it goes on to the ERP.</param>
internal sealed record ListedOrder(JsonElement Json, string Id, string? WaitingReason)
{
    /// <summary>
    /// Maps a listed order: a waiting one is an order awaiting the seller's action, journaled as a warning with its
    /// reason (not as failed), the others are read.
    /// </summary>
    /// <param name="listed">The order.</param>
    /// <param name="order">The SDK's order.</param>
    /// <param name="unreadable">Why there is none.</param>
    /// <returns>Whether the order was read.</returns>
    public static bool TryMap(ListedOrder listed, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Connect.Sdk.Orders.MarketplaceOrder? order, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out Connect.Sdk.Orders.UnreadableOrder? unreadable)
    {
        ArgumentNullException.ThrowIfNull(listed);
        if (listed.WaitingReason is { } waiting)
        {
            (order, unreadable) = (null, Connect.Sdk.Orders.UnreadableOrder.AwaitingAction(listed.Id, waiting));
            return false;
        }

        return MiraklOrderMapper.TryMap(listed.Json, out order, out unreadable);
    }
}
