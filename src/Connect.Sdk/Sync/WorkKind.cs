using Connect.Sdk.Features;

namespace Connect.Sdk.Sync;

/// <summary>The kinds of work the engine runs for a connection.</summary>
public enum WorkKind
{
    /// <summary>Orders in: changed orders since the cursor (scheduled), or the queued order numbers (manual).</summary>
    OrderImport,

    /// <summary>Stock out: the articles whose publishable quantity changed (scheduled or on a stock change), or the queued articles (manual).</summary>
    StockSync,

    /// <summary>Stock out: every article, whether it changed or not (the periodic full reconcile).</summary>
    StockReconcile,

    /// <summary>Status and tracking out: the orders the ERP changed (event), or the queued order numbers (manual).</summary>
    OrderStatusExport,

    /// <summary>Prices out: the articles whose price to publish changed (scheduled or on a price change), or the queued articles (manual).</summary>
    PriceSync,

    /// <summary>Prices out: every article, whether its price changed or not (the periodic full reconcile).</summary>
    PriceReconcile,
}

/// <summary>Maps work kinds to the feature whose mode and allowed actions govern them.</summary>
public static class WorkKindExtensions
{
    /// <summary>The feature a kind of work belongs to.</summary>
    /// <param name="kind">The work kind.</param>
    /// <returns>The feature.</returns>
    public static FeatureKind Feature(this WorkKind kind) => kind switch
    {
        WorkKind.OrderImport => FeatureKind.Orders,
        WorkKind.StockSync or WorkKind.StockReconcile => FeatureKind.Stock,
        WorkKind.OrderStatusExport => FeatureKind.OrderStatus,
        WorkKind.PriceSync or WorkKind.PriceReconcile => FeatureKind.Prices,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown work kind."),
    };
}
