namespace Connect.Sdk.Lifecycle;

/// <summary>What starts a piece of sync work for a feature of a connection.</summary>
public enum SyncTrigger
{
    /// <summary>The host's scheduler ("Prozessstarter"), e.g. the order import every 15 minutes or the periodic stock reconcile.</summary>
    Scheduled,

    /// <summary>A user, from the journal (sync these articles, import these orders, retry) or with "fetch orders".</summary>
    Manual,

    /// <summary>A change in the ERP, e.g. a stock level changed or an order was shipped.</summary>
    Event,
}
