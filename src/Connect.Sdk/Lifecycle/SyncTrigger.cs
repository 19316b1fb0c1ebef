namespace Connect.Sdk.Lifecycle;

/// <summary>What starts a piece of sync work for a feature of a connection.</summary>
public enum SyncTrigger
{
    /// <summary>The host's scheduler ("Prozessstarter"), e.g. the order import every 15 minutes or the periodic stock reconcile.</summary>
    Scheduled,

    /// <summary>A user, from the journal: sync these articles, import these orders, retry.</summary>
    Manual,

    /// <summary>
    /// A change that asks for a run now: in the ERP (a stock level changed, an order was shipped) or on the
    /// marketplace, and "fetch orders" (<c>OrderImport.FetchOrdersAsync</c>).
    /// </summary>
    Event,
}
