namespace Connect.Sdk.Orders;

/// <summary>How step two ended for one order.</summary>
internal enum OrderOutcomeKind
{
    Imported,
    AlreadyImported,
    Held,
    RefusedByErp,
    BrokeOff,
}
