namespace Connect.Sdk.Orders;

/// <summary>Where a staged order stands between the marketplace and the ERP (the two steps of an order import).</summary>
public enum StagedOrderState
{
    /// <summary>Loaded from the marketplace (step one) and waiting to be handed to the ERP (step two).</summary>
    Staged,

    /// <summary>
    /// Held back from the ERP: a line maps to no ERP article, or the order lacks data the ERP needs. The
    /// journal shows why; a retry after the correction tries again.
    /// </summary>
    Held,

    /// <summary>Handed to the ERP and recorded in the imported-order ledger; final.</summary>
    HandedOver,
}
