namespace Connect.Sdk.Lifecycle;

/// <summary>The classic import mode of a connection ("Importmodus"), which decides what may reach the marketplace and when orders are fetched.</summary>
public enum ImportMode
{
    /// <summary>
    /// "Demo (zum Testen)", the default: orders are imported, but nothing is changed on the marketplace —
    /// no order status, stock levels, prices or articles are sent. Each write that would have happened is
    /// journaled as skipped.
    /// </summary>
    Demo,

    /// <summary>"Manuell": orders are imported only when a user explicitly fetches them ("Aufträge abholen").</summary>
    Manual,

    /// <summary>"Automatisch": orders are imported on the schedule.</summary>
    Automatic,
}
